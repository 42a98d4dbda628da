// A permit decision model built the way the issuing activity will build it: from the shipped
// catalog and office profile, through the domain's masking and formatting rules.

import type { PermitDecisionDocument } from '../../src/documents/permitDecision/permitDecisionModel.js';
import { jakartaWallTime } from '../../src/domain/calendar/jakartaTime.js';
import { findPermitType } from '../../src/domain/catalog/catalogLookup.js';
import { loadCatalog } from '../../src/domain/catalog/loadCatalog.js';
import { loadOfficeProfile } from '../../src/domain/catalog/loadOfficeProfile.js';
import { maskNikForDocument } from '../../src/domain/identifiers/nik.js';
import { permitObjectLines } from '../../src/domain/permits/permitObjectLines.js';
import { validUntil } from '../../src/domain/permits/validity.js';

export const SAMPLE_NIK = '3604015708900001';
export const SAMPLE_HOLDER = 'dr. Siti Nurhaliza Aminah, Sp.A.';
export const SAMPLE_PERMIT_NUMBER = '503/SIP-DOKTER/00042/DPMPTSP/2026';
export const SAMPLE_VERIFICATION_URL =
  'https://perizinan.serangkab.go.id/verifikasi/q3Jb7xW0pVnE2rT9yK5mLs8dHfA4cZ1uGiO6eB';

const catalog = loadCatalog('data/catalog/permit-types.yaml');
export const sampleOffice = loadOfficeProfile('data/catalog/office.yaml');

export function samplePermitDecision(
  overrides: Partial<PermitDecisionDocument> = {},
): PermitDecisionDocument {
  const type = findPermitType(catalog, 'SIP-DOKTER');
  if (!type) throw new Error('the shipped catalog has no SIP-DOKTER');
  const issuedAt = jakartaWallTime('2026-11-30 14:05');
  const values = {
    applicantNik: SAMPLE_NIK,
    fullName: SAMPLE_HOLDER,
    phone: '+6281234567890',
    doctorCategory: 'dokter-spesialis',
    strNumber: 'STR-3604-2019-000123',
    practicePermitOrdinal: '2',
    facilityName: 'RSUD dr. Dradjat Prawiranegara',
    practiceAddress: 'Jl. Rumah Sakit Umum No. 1, Kelurahan Serang, Kecamatan Serang, Kota Serang, Banten',
  };
  return {
    office: sampleOffice,
    permitNumber: SAMPLE_PERMIT_NUMBER,
    permitType: { code: type.code, name: type.name },
    holder: { fullName: SAMPLE_HOLDER, maskedNik: maskNikForDocument(values.applicantNik) },
    permitObject: permitObjectLines(type, values, 'id'),
    issuedAt,
    validity: type.validity,
    validUntil: validUntil(issuedAt, type.validity),
    legalBasis: type.legalBasis,
    stageDecisions: type.stages.map((stage, index) => ({
      stage: stage.name,
      outcome: 'APPROVED' as const,
      decidedAt: jakartaWallTime(`2026-11-${String(24 + 2 * index).padStart(2, '0')} 10:30`),
    })),
    decision: { kind: 'signed' },
    verificationUrl: SAMPLE_VERIFICATION_URL,
    ...overrides,
  };
}
