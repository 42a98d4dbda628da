// What a public verification of a permit says: valid, revoked or expired. Revocation wins over
// expiry, because a revoked permit must never read as merely out of date. Pure module.

import { isoDateOfDay, jakartaDayNumber } from '../calendar/jakartaTime.js';
import type { LocalizedText, Validity } from '../catalog/catalogSchema.js';

export const VERIFICATION_STATUSES = ['VALID', 'REVOKED', 'EXPIRED'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** A permit's public facts, as its verification page and JSON show them (no NIK, no full name). */
export interface PermitVerification {
  status: VerificationStatus;
  permitNumber: string;
  permitType: LocalizedText;
  /** maskHolderName(full name): "Siti N. A.". */
  holderMasked: string;
  decision: 'issued' | 'deemed_approved';
  issuedAt: Date;
  validity: Validity;
  validUntil: string | null;
  office: LocalizedText;
  sha256: string;
  revocation: { at: Date; reason: string } | null;
}

export interface VerificationFacts {
  revokedAt: Date | null;
  /** Last day of validity (`YYYY-MM-DD`, Asia/Jakarta), or null for a permit without an end. */
  validUntil: string | null;
  now: Date;
}

export function verificationStatus({ revokedAt, validUntil, now }: VerificationFacts): VerificationStatus {
  if (revokedAt !== null && revokedAt.getTime() <= now.getTime()) return 'REVOKED';
  // ISO dates compare correctly as text; the last day itself is still valid.
  if (validUntil !== null && isoDateOfDay(jakartaDayNumber(now.getTime())) > validUntil) return 'EXPIRED';
  return 'VALID';
}
