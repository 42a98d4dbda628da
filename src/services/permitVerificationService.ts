// Public verification of a permit by the token in its QR code: its state (valid, revoked,
// expired), its public facts (the holder's name masked, never a NIK) and whether an uploaded
// copy is the genuine document byte for byte. A token that names no permit answers null, the
// same whether it was mistyped or guessed.

import { createHash } from 'node:crypto';
import type { Pool } from '../db/pool.js';
import { findPermitType } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog } from '../domain/catalog/catalogSchema.js';
import type { OfficeProfile } from '../domain/catalog/officeProfileSchema.js';
import { maskHolderName } from '../domain/permits/holderName.js';
import { type PermitVerification, verificationStatus } from '../domain/permits/verificationStatus.js';
import { looksLikeVerificationToken, verificationTokenHash } from '../domain/permits/verificationToken.js';
import { findPermitDocumentByTokenHash, permitIssueFacts } from '../repositories/permitDocumentRepository.js';

export type { PermitVerification };

export function createPermitVerificationService(deps: {
  pool: Pool;
  catalog: PermitCatalog;
  office: OfficeProfile;
}) {
  async function verify(token: string, now = new Date()): Promise<PermitVerification | null> {
    if (!looksLikeVerificationToken(token)) return null;
    const document = await findPermitDocumentByTokenHash(deps.pool, verificationTokenHash(token));
    if (!document) return null;
    const permitType = findPermitType(deps.catalog, document.permitTypeCode);
    const facts = await permitIssueFacts(deps.pool, document.registrationNumber);
    const fullName = facts?.formData.fullName;
    return {
      status: verificationStatus({
        revokedAt: document.revocation?.at ?? null,
        validUntil: document.validUntil,
        now,
      }),
      permitNumber: document.permitNumber,
      permitType: permitType?.name ?? { id: document.permitTypeCode, en: document.permitTypeCode },
      holderMasked: typeof fullName === 'string' ? maskHolderName(fullName) : '',
      decision: document.decision,
      issuedAt: document.issuedAt,
      validity: permitType?.validity ?? 'indefinite',
      validUntil: document.validUntil,
      office: deps.office.name,
      sha256: document.sha256,
      revocation: document.revocation
        ? { at: document.revocation.at, reason: document.revocation.reason }
        : null,
    };
  }

  return {
    verify,
    officeName: deps.office.shortName,

    /** Whether `copy` is the genuine document of the permit behind `token`; null for an unknown token. */
    async checkCopy(
      token: string,
      copy: Buffer,
      now = new Date(),
    ): Promise<{ permit: PermitVerification; genuine: boolean; sha256: string } | null> {
      const permit = await verify(token, now);
      if (!permit) return null;
      const sha256 = createHash('sha256').update(copy).digest('hex');
      return { permit, genuine: sha256 === permit.sha256, sha256 };
    },
  };
}
