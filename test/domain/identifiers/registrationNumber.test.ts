import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatRegistrationNumber,
  normalizeRegistrationNumberInput,
  parseRegistrationNumber,
} from '../../../src/domain/identifiers/registrationNumber.js';

describe('registration numbers', () => {
  it('formats type, year and a zero-padded six-digit sequence', () => {
    expect(formatRegistrationNumber('PBG', 2026, 42)).toBe('PBG-2026-000042');
    expect(formatRegistrationNumber('SIP-DOKTER', 2026, 1)).toBe('SIP-DOKTER-2026-000001');
  });

  it('parses numbers whose type code itself contains hyphens', () => {
    expect(parseRegistrationNumber('SIP-DOKTER-2026-000001')).toEqual({
      permitTypeCode: 'SIP-DOKTER',
      year: 2026,
      sequence: 1,
    });
    expect(parseRegistrationNumber('PBG-2026-000042')).toEqual({
      permitTypeCode: 'PBG',
      year: 2026,
      sequence: 42,
    });
  });

  it.each([
    '',
    'pbg-2026-000042',
    ' PBG-2026-000042',
    'PBG-2026-000042 ',
    'PBG-2026-42',
    'PBG-2026-0000042',
    'PBG-2026-000000',
    'PBG-1999-000001',
    'PBG-26-000001',
    'PBG_2026_000001',
    '-2026-000001',
    'PBG--2026-000001',
    'PBG-2026-000042x',
    '2026-000042',
  ])('refuses %j', (input) => {
    expect(parseRegistrationNumber(input)).toBeNull();
  });

  it('refuses to format parts that could not be parsed back', () => {
    expect(() => formatRegistrationNumber('PBG', 2026, 0)).toThrow(RangeError);
    expect(() => formatRegistrationNumber('PBG', 2026, 1_000_000)).toThrow(RangeError);
    expect(() => formatRegistrationNumber('PBG', 2026, 1.5)).toThrow(RangeError);
    expect(() => formatRegistrationNumber('pbg', 2026, 1)).toThrow(RangeError);
    expect(() => formatRegistrationNumber('PBG', 26, 1)).toThrow(RangeError);
  });

  it('round-trips every valid type, year and sequence (property)', () => {
    const code = fc
      .array(fc.stringMatching(/^[A-Z0-9]{1,5}$/), { minLength: 1, maxLength: 3 })
      .map((parts) => `X${parts.join('-')}`)
      .filter((c) => c.length <= 20);
    fc.assert(
      fc.property(
        code,
        fc.integer({ min: 2000, max: 2999 }),
        fc.integer({ min: 1, max: 999_999 }),
        (type, year, seq) => {
          expect(parseRegistrationNumber(formatRegistrationNumber(type, year, seq))).toEqual({
            permitTypeCode: type,
            year,
            sequence: seq,
          });
        },
      ),
    );
  });

  it('normalises typed input (spaces, lower case) before the strict parse', () => {
    expect(parseRegistrationNumber(normalizeRegistrationNumberInput('  pbg-2026-000042 '))).toEqual({
      permitTypeCode: 'PBG',
      year: 2026,
      sequence: 42,
    });
  });
});
