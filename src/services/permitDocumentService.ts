// The issued permit document for the people entitled to it: its applicant and the officers who
// may read the file (the same rules as the file's status), the notice delivery that attaches it
// in Telegram, and its revocation by the official who signs that permit type.

import type { Pool } from '../db/pool.js';
import { findPermitType, stageDepartment } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog } from '../domain/catalog/catalogSchema.js';
import { permitRevokedNotice } from '../domain/permitFile/permitNotices.js';
import type { Officer } from '../repositories/officerRepository.js';
import {
  findPermitDocumentByNumber,
  findPermitDocumentOfFile,
  permitDocumentContent,
  revokePermit,
} from '../repositories/permitDocumentRepository.js';
import type { Caller, CallerAccess } from './callerAccess.js';
import { ServiceError } from './serviceError.js';

export interface PermitPdf {
  permitNumber: string;
  sha256: string;
  pdf: Buffer;
}

const permitNotFound = () =>
  new ServiceError('NOT_FOUND', {
    id: 'Izin dengan nomor itu tidak ditemukan. Periksa nomor SK (garis miring ditulis %2F di alamat).',
    en: 'No permit with that number. Check the decision number (slashes are written %2F in the address).',
  });

const notTheSigningRole = (role: string, department: string) =>
  new ServiceError(
    'REFUSED',
    {
      id: `Hanya pejabat penandatangan izin ini (peran ${role} di ${department}) yang dapat mencabutnya.`,
      en: `Only the official who signs this permit (role ${role} in ${department}) may revoke it.`,
    },
    { reason: 'NOT_SIGNING_ROLE' },
  );

const alreadyRevoked = () =>
  new ServiceError('CONFLICT', {
    id: 'Izin ini sudah dicabut sebelumnya.',
    en: 'This permit was revoked already.',
  });

/** The role and department that sign a permit type: those of its last stage. */
export function signingSeat(catalog: PermitCatalog, permitTypeCode: string) {
  const permitType = findPermitType(catalog, permitTypeCode);
  const last = permitType?.stages.at(-1);
  if (!permitType || !last || last.kind !== 'officer_review') return null;
  return { role: last.role, department: stageDepartment(permitType, last) };
}

/**
 * A file's permit PDF without an access check: for the notice delivery, which sends it to the
 * file's own applicant chat only (the worker has no service layer of its own).
 */
export function permitDocumentReader(pool: Pool) {
  return async (registrationNumber: string): Promise<PermitPdf | null> => {
    const document = await findPermitDocumentOfFile(pool, registrationNumber);
    if (!document) return null;
    const pdf = await permitDocumentContent(pool, document.sha256);
    return pdf ? { permitNumber: document.permitNumber, sha256: document.sha256, pdf } : null;
  };
}

export function createPermitDocumentService(deps: {
  pool: Pool;
  catalog: PermitCatalog;
  access: CallerAccess;
}) {
  const { pool } = deps;
  const pdfOf = permitDocumentReader(pool);

  return {
    /**
     * The file's permit PDF for its applicant or an officer who may read the file (the read is
     * recorded, as for the status); null before issue or for anyone else, alike.
     */
    async permitPdf(caller: Caller, registrationNumber: string): Promise<PermitPdf | null> {
      const viewer = await deps.access.viewerOf(caller, registrationNumber);
      if (!viewer) return null;
      const permit = await pdfOf(registrationNumber);
      if (!permit) return null;
      await deps.access.recordRead(viewer, registrationNumber);
      return permit;
    },

    /** Revokes a permit; refused unless the caller holds its type's signing role in that department. */
    async revoke(caller: Caller, permitNumber: string, reason: string, now = new Date()): Promise<void> {
      const officer: Officer = await deps.access.requireOfficer(caller);
      const document = await findPermitDocumentByNumber(pool, permitNumber);
      if (!document) throw permitNotFound();
      const seat = signingSeat(deps.catalog, document.permitTypeCode);
      if (!seat || !officer.roles.includes(seat.role) || !officer.departments.includes(seat.department)) {
        throw notTheSigningRole(seat?.role ?? '-', seat?.department ?? '-');
      }
      if (document.revocation) throw alreadyRevoked();
      const revoked = await revokePermit(pool, {
        permitNumber,
        reason,
        officer: { id: officer.id, role: seat.role },
        at: now,
        notice: permitRevokedNotice(document.registrationNumber, permitNumber, reason),
      });
      if (!revoked) throw alreadyRevoked();
    },
  };
}
