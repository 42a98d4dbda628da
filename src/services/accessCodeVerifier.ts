import { createHash } from 'node:crypto';
import type { Pool } from '../db/pool.js';
import {
  generateAccessCode,
  hashAccessCode,
  normalizeAccessCode,
  verifyAccessCode,
} from '../domain/identifiers/accessCode.js';
import { findAccessCodeHash } from '../repositories/accessCodeRepository.js';

/** Longer than any typed form of a real code: refused before any hashing. */
const MAX_TYPED_LENGTH = 40;

/** A real hash to verify against when a number does not exist, so timing reveals nothing. */
let dummyAccessHash: Promise<string> | undefined;
const dummyHash = () => {
  dummyAccessHash ??= hashAccessCode(generateAccessCode());
  return dummyAccessHash;
};

/** True only for the right access code of an existing file; the same work is done either way. */
async function applicantHoldsAccessCode(
  pool: Pool,
  registrationNumber: string,
  accessCode: string,
): Promise<boolean> {
  const hash = await findAccessCodeHash(pool, registrationNumber);
  const ok = await verifyAccessCode(accessCode, hash ?? (await dummyHash()));
  return ok && hash !== null;
}

/**
 * Access codes are scrypt-hashed (~2 ms of CPU per check) because they are short enough to be
 * brute-forced from a leaked fast hash. An applicant polling the status page would pay that on
 * every request, so successful checks are remembered for a short while, in memory only, keyed
 * by SHA-256(registration number, code): the code itself is never kept. Failures are never
 * remembered, so guessing always pays the full scrypt price. A code changes only when an officer
 * reissues it: the service that did it forgets the file's proofs then, and another process (or
 * the bot's service in the same process) keeps an old proof for at most the TTL.
 */
export class AccessCodeVerifier {
  private readonly proven = new Map<string, { registrationNumber: string; expiresAt: number }>();
  /** Counts forget calls: a check that began before one must not store its proof after it. */
  private forgets = 0;

  constructor(
    private readonly pool: Pool,
    private readonly options: { ttlMs: number; maxEntries: number } = { ttlMs: 60_000, maxEntries: 10_000 },
    private readonly now: () => number = Date.now,
  ) {}

  async holds(registrationNumber: string, accessCode: string): Promise<boolean> {
    if (typeof accessCode === 'string' && accessCode.length > MAX_TYPED_LENGTH) return false;
    const normalized = typeof accessCode === 'string' ? normalizeAccessCode(accessCode) : null;
    if (!normalized) return applicantHoldsAccessCode(this.pool, registrationNumber, String(accessCode));
    const key = createHash('sha256').update(`${registrationNumber}\u0000${normalized}`).digest('base64url');
    const proof = this.proven.get(key);
    if (proof !== undefined) {
      if (proof.expiresAt > this.now()) return true;
      this.proven.delete(key);
    }
    const forgetsBefore = this.forgets;
    const ok = await applicantHoldsAccessCode(this.pool, registrationNumber, normalized);
    if (ok && this.forgets === forgetsBefore) this.remember(key, registrationNumber);
    return ok;
  }

  /** Drops the file's proofs: its code was replaced. */
  forget(registrationNumber: string): void {
    this.forgets += 1;
    for (const [key, proof] of this.proven) {
      if (proof.registrationNumber === registrationNumber) this.proven.delete(key);
    }
  }

  private remember(key: string, registrationNumber: string): void {
    // Map keeps insertion order: the oldest proofs go first when the cache is full.
    while (this.proven.size >= this.options.maxEntries) {
      const oldest = this.proven.keys().next().value;
      if (oldest === undefined) break;
      this.proven.delete(oldest);
    }
    this.proven.set(key, { registrationNumber, expiresAt: this.now() + this.options.ttlMs });
  }
}
