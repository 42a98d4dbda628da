// Registration numbers `<TYPE>-<YYYY>-<NNNNNN>` (PBG-2026-000042): short enough to read over the
// phone. They identify a file but grant no access: status lookups also need the access code.
// The sequence is allocated per type and year by the database; this module only formats/parses.

import { isPermitTypeCode } from './permitTypeCode.js';

export interface RegistrationNumber {
  permitTypeCode: string;
  year: number;
  sequence: number;
}

export const MIN_REGISTRATION_YEAR = 2000;
export const MAX_REGISTRATION_YEAR = 2999;
export const MAX_REGISTRATION_SEQUENCE = 999_999;

function checkParts(permitTypeCode: string, year: number, sequence: number): string | null {
  if (!isPermitTypeCode(permitTypeCode)) return `invalid permit type code ${JSON.stringify(permitTypeCode)}`;
  if (!Number.isInteger(year) || year < MIN_REGISTRATION_YEAR || year > MAX_REGISTRATION_YEAR) {
    return `year must be a whole number ${MIN_REGISTRATION_YEAR}–${MAX_REGISTRATION_YEAR}, got ${year}`;
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_REGISTRATION_SEQUENCE) {
    return `sequence must be a whole number 1–${MAX_REGISTRATION_SEQUENCE}, got ${sequence}`;
  }
  return null;
}

/** Formats a registration number; throws RangeError on parts that cannot round-trip. */
export function formatRegistrationNumber(permitTypeCode: string, year: number, sequence: number): string {
  const problem = checkParts(permitTypeCode, year, sequence);
  if (problem) throw new RangeError(`Cannot format registration number: ${problem}`);
  return `${permitTypeCode}-${year}-${String(sequence).padStart(6, '0')}`;
}

const REGISTRATION_NUMBER_PATTERN = /^([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)-(\d{4})-(\d{6})$/;

/**
 * Strict parse: exactly the formatted shape (no spaces, no lower case), otherwise null.
 * Use `normalizeRegistrationNumberInput` first on what a person typed.
 */
export function parseRegistrationNumber(value: string): RegistrationNumber | null {
  const match = REGISTRATION_NUMBER_PATTERN.exec(value);
  if (!match) return null;
  const [, permitTypeCode = '', yearText = '', sequenceText = ''] = match;
  const year = Number(yearText);
  const sequence = Number(sequenceText);
  if (checkParts(permitTypeCode, year, sequence) !== null) return null;
  return { permitTypeCode, year, sequence };
}

/** Forgiving clean-up of typed input before the strict parse: trims and upper-cases. */
export function normalizeRegistrationNumberInput(value: string): string {
  return value.trim().replace(/\s+/g, '').toUpperCase();
}
