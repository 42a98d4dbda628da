import type { Pool } from '../db/pool.js';
import { findPermitType, stageDepartment } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog } from '../domain/catalog/catalogSchema.js';
import { generateAccessCode, hashAccessCode } from '../domain/identifiers/accessCode.js';
import type { Officer } from './officers.js';
import { applicationNotFound, ServiceError } from './serviceError.js';

export interface ReissuedAccessCode {
  registrationNumber: string;
  /** Shown once; only its hash is stored. */
  accessCode: string;
}

const refused = (reason: 'WRONG_ROLE' | 'WRONG_DEPARTMENT', text: { id: string; en: string }) =>
  new ServiceError('REFUSED', text, { reason });

/**
 * An applicant who lost the access code gets a new one at the counter. The officers who may
 * issue it are the front desk that received the file: the role and department of the permit
 * type's first review stage, who check the applicant's identity card there. The new code
 * replaces the old one, is answered once, and the reissue is attributed to the officer in
 * admin_audit (without the code), in one statement.
 */
export async function reissueAccessCode(
  deps: { pool: Pool; catalog: PermitCatalog },
  officer: Officer,
  registrationNumber: string,
): Promise<ReissuedAccessCode> {
  const { rows } = await deps.pool.query<{ permit_type: string }>(
    'SELECT permit_type FROM applications WHERE registration_number = $1',
    [registrationNumber],
  );
  const row = rows[0];
  if (!row) throw applicationNotFound();
  const permitType = findPermitType(deps.catalog, row.permit_type);
  const desk = permitType?.stages.find((stage) => stage.kind === 'officer_review');
  if (!permitType || desk?.kind !== 'officer_review') {
    throw new ServiceError('CONFLICT', {
      id: `Jenis izin ${row.permit_type} tidak ada lagi di katalog, jadi loket penerimanya tidak diketahui. Hubungi administrator.`,
      en: `The permit type ${row.permit_type} is no longer in the catalog, so its front desk is unknown. Contact the administrator.`,
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
  const accessCode = generateAccessCode();
  const hash = await hashAccessCode(accessCode);
  await deps.pool.query(
    `WITH replaced AS (
       UPDATE applications SET access_code_hash = $2, access_code_shown = true
       WHERE registration_number = $1
       RETURNING registration_number)
     INSERT INTO admin_audit (actor_kind, actor_id, action, target_kind, target_id)
     SELECT 'officer', $3, 'access_code_reissued', 'application', registration_number FROM replaced`,
    [registrationNumber, hash, officer.id],
  );
  return { registrationNumber, accessCode };
}
