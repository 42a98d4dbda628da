// Applicant access codes: 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
// so they survive being read aloud or copied from paper. Shown once, stored only as a hash.
// 31^10 codes (49.5 bits): with the hash's cost (secretHash.ts), guessing one code from a
// leaked table takes tens of thousands of core-years.

import { randomInt } from 'node:crypto';
import { hashSecret, verifySecret } from './secretHash.js';

export const ACCESS_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ACCESS_CODE_LENGTH = 10;

const ACCESS_CODE_PATTERN = new RegExp(`^[${ACCESS_CODE_ALPHABET}]{${ACCESS_CODE_LENGTH}}$`);

/** A fresh code from the OS CSPRNG; randomInt is unbiased over the alphabet. */
export function generateAccessCode(): string {
  let code = '';
  for (let i = 0; i < ACCESS_CODE_LENGTH; i++)
    code += ACCESS_CODE_ALPHABET[randomInt(ACCESS_CODE_ALPHABET.length)];
  return code;
}

/** Upper-cases and strips spaces and hyphens; null when the result cannot be an access code. */
export function normalizeAccessCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return ACCESS_CODE_PATTERN.test(code) ? code : null;
}

/** Display form in two groups of five (`ABCDE-FGHJK`), easier to read over the phone. */
export function formatAccessCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export async function hashAccessCode(code: string): Promise<string> {
  const normalized = normalizeAccessCode(code);
  if (!normalized)
    throw new RangeError('Not an access code: expected 10 characters from the access-code alphabet');
  return hashSecret(normalized);
}

/** True when the typed code (any case, with spaces or hyphens) matches the stored hash. */
export async function verifyAccessCode(input: string, stored: string): Promise<boolean> {
  const normalized = normalizeAccessCode(input);
  // A malformed input cannot match any code; refusing early reveals nothing about the stored one.
  if (!normalized) return false;
  return verifySecret(normalized, stored);
}
