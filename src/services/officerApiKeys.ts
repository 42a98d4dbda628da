import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Pool } from '../db/pool.js';
import { findOfficerByApiKeyPrefix, type Officer } from '../repositories/officerRepository.js';

/**
 * Officer API keys are 32 random bytes: far beyond brute force, so a SHA-256 digest is a safe
 * stored form and keeps every authenticated request cheap. The prefix finds the row; the
 * digest is compared in constant time.
 */
const KEY_PREFIX_LENGTH = 12;
const digest = (key: string) => createHash('sha256').update(key).digest();

/** The part of a presented key that names the key it claims to be (whether or not it exists). */
export function apiKeyPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX_LENGTH);
}

export function newOfficerApiKey(): { key: string; prefix: string; hash: string } {
  const key = `po_${randomBytes(32).toString('base64url')}`;
  return { key, prefix: apiKeyPrefix(key), hash: digest(key).toString('hex') };
}

/** The active officer holding the key, or null; the same work is done for an unknown prefix. */
export async function findOfficerByApiKey(pool: Pool, key: string): Promise<Officer | null> {
  if (typeof key !== 'string' || key.length < KEY_PREFIX_LENGTH + 8 || key.length > 200) return null;
  const found = await findOfficerByApiKeyPrefix(pool, apiKeyPrefix(key));
  const expected = Buffer.from(found?.apiKeyHash ?? '0'.repeat(64), 'hex');
  const matches = timingSafeEqual(expected, digest(key)) && found !== null;
  return matches && found.officer.active ? found.officer : null;
}
