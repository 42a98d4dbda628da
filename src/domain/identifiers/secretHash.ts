// Salted scrypt hashes for low-entropy secrets (applicant access codes).
// Stored form: `scrypt$<N>$<r>$<p>$<salt base64url>$<hash base64url>`, so the cost can change
// later without invalidating hashes already stored.

import { createHash, randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

// N = 2^10 with r = 8: 1 MiB of memory and about 2 ms of one core per hash. Every submission
// pays one hash, so this cost bounds how many submissions a core takes; a higher N would make
// the hash most of a submission's CPU. The code's length carries the strength instead: guessing
// one of 31^10 access codes from a leaked table costs ~4e14 hashes, some 26,000 core-years.
// Online guessing is rate-limited.
const DEFAULT_COST = { N: 1_024, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Bounds on parameters read back from storage, so a corrupted row cannot make a verify hang.
const MAX_N = 1 << 20;
const MAX_R = 32;
const MAX_P = 16;

function scryptAsync(secret: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const maxmemFor = (N: number, r: number): number => 128 * N * r * 2;

export async function hashSecret(secret: string): Promise<string> {
  const { N, r, p } = DEFAULT_COST;
  const salt = randomBytes(SALT_BYTES);
  const key = await scryptAsync(secret, salt, KEY_BYTES, { N, r, p, maxmem: maxmemFor(N, r) });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parseStoredHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, nText = '', rText = '', pText = '', saltText = '', keyText = ''] = parts;
  const [N, r, p] = [nText, rText, pText].map((text) => (/^\d+$/.test(text) ? Number(text) : Number.NaN)) as [
    number,
    number,
    number,
  ];
  const powerOfTwo = N >= 2 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > MAX_N || !(r >= 1 && r <= MAX_R) || !(p >= 1 && p <= MAX_P)) return null;
  const salt = Buffer.from(saltText, 'base64url');
  const key = Buffer.from(keyText, 'base64url');
  if (salt.length === 0 || key.length === 0) return null;
  return { N, r, p, salt, key };
}

/** Constant-time check of a secret against a stored hash; a malformed stored value never matches. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parsed = parseStoredHash(stored);
  if (!parsed) return false;
  const { N, r, p, salt, key } = parsed;
  const candidate = await scryptAsync(secret, salt, key.length, { N, r, p, maxmem: maxmemFor(N, r) });
  return timingSafeEqual(candidate, key);
}

/** Constant-time equality of two secrets of any length (their SHA-256 digests are compared). */
export function secretsEqual(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
