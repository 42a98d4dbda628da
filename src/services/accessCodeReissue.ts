import { randomUUID } from 'node:crypto';
import type { Pool } from '../db/pool.js';
import { findPermitType, stageDepartment } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog } from '../domain/catalog/catalogSchema.js';
import { applicantChannels } from '../domain/contacts/applicantChannels.js';
import { generateAccessCode, hashAccessCode } from '../domain/identifiers/accessCode.js';
import { compactNik } from '../domain/identifiers/nik.js';
import { secretsEqual } from '../domain/identifiers/secretHash.js';
import { recordRefusedReissue, replaceAccessCodeAtCounter } from '../repositories/accessCodeRepository.js';
import { findApplicationForm } from '../repositories/applicationRepository.js';
import type { Officer } from '../repositories/officerRepository.js';
import { applicationNotFound, ServiceError } from './serviceError.js';

export interface ReissueRequest {
  registrationNumber: string;
  /** The NIK on the identity card the applicant shows at the counter. */
  applicantNik: string;
  /** Where the request came from, for the audit record (address, request ID). */
  meta?: Record<string, string>;
}

export interface ReissuedAccessCode {
  registrationNumber: string;
  /** Shown once; only its hash is stored. */
  accessCode: string;
}

const refused = (
  reason: 'WRONG_ROLE' | 'WRONG_DEPARTMENT' | 'NIK_MISMATCH',
  text: { id: string; en: string },
) => new ServiceError('REFUSED', text, { reason });

const sameNik = (given: string, stored: string) => secretsEqual(compactNik(given), compactNik(stored));

/**
 * An applicant who lost the access code gets a new one at the counter. The officers who may
 * issue it are the front desk that received the file: the role and department of the permit
 * type's first review stage. They type the NIK from the identity card the applicant shows, and
 * it must be the file's: a wrong NIK is recorded as a refused reissue (without the NIK) and is a
 * failed authentication for the adapter's limits. In one statement the new code's hash replaces
 * the old one (remembering the officer, so what is done with the code is marked with them), the
 * reissue is attributed to the officer in admin_audit (without the code or the NIK), and the
 * applicant is told on every channel the file has (the outbox settles a channel without a
 * sender as undeliverable; a file without any channel gets one undeliverable 'none' notice),
 * so a reissue they did not ask for does not go unnoticed.
 */
export async function reissueAccessCode(
  deps: { pool: Pool; catalog: PermitCatalog },
  officer: Officer,
  request: ReissueRequest,
): Promise<ReissuedAccessCode> {
  const { registrationNumber } = request;
  const file = await findApplicationForm(deps.pool, registrationNumber);
  if (!file) throw applicationNotFound();
  const permitType = findPermitType(deps.catalog, file.permitTypeCode);
  // The catalog's rules make the first stage the officers' completeness check.
  const desk = permitType?.stages[0];
  if (!permitType || desk?.kind !== 'officer_review') {
    throw new ServiceError('CONFLICT', {
      id: `Jenis izin ${file.permitTypeCode} tidak ada lagi di katalog, jadi loket penerimanya tidak diketahui. Hubungi administrator.`,
      en: `The permit type ${file.permitTypeCode} is no longer in the catalog, so its front desk is unknown. Contact the administrator.`,
    });
  }
  const department = stageDepartment(permitType, desk);
  if (!officer.roles.includes(desk.role)) {
    throw refused('WRONG_ROLE', {
      id: `Kode akses berkas ini hanya dapat diterbitkan ulang oleh petugas loket dengan peran ${desk.role}.`,
      en: `This file's access code can only be reissued by a front-desk officer with the role ${desk.role}.`,
    });
  }
  if (!officer.departments.includes(department)) {
    throw refused('WRONG_DEPARTMENT', {
      id: `Kode akses berkas ini hanya dapat diterbitkan ulang oleh petugas ${department}.`,
      en: `This file's access code can only be reissued by an officer of ${department}.`,
    });
  }
  const nik = file.formData.applicantNik;
  if (nik === undefined || nik === null || !sameNik(request.applicantNik, String(nik))) {
    await recordRefusedReissue(deps.pool, {
      registrationNumber,
      officerId: officer.id,
      reason: 'NIK_MISMATCH',
      requestMeta: request.meta ?? {},
    });
    throw refused('NIK_MISMATCH', {
      id: 'NIK pada KTP tidak sama dengan NIK pemohon berkas ini. Kode akses tidak diterbitkan ulang.',
      en: "The NIK on the identity card is not this file's applicant's. No access code was issued.",
    });
  }
  const channels = applicantChannels(permitType, file);
  const noticeChannels = channels.length > 0 ? channels : ['none'];
  const noticeKey = `${registrationNumber}:access-code:${randomUUID()}`;
  const accessCode = generateAccessCode();
  const hash = await hashAccessCode(accessCode);
  const stored = await replaceAccessCodeAtCounter(deps.pool, {
    registrationNumber,
    hash,
    officerId: officer.id,
    requestMeta: request.meta ?? {},
    notices: noticeChannels.map((channel) => ({ eventKey: `${noticeKey}:${channel}`, channel })),
  });
  // The row went away between the two statements: nothing was stored, so no code to give.
  if (!stored) throw applicationNotFound();
  return { registrationNumber, accessCode };
}
