import { describe, expect, it } from 'vitest';
import { normalizeIndonesianMobile } from '../../../src/domain/identifiers/phone.js';

describe('normalizeIndonesianMobile', () => {
  it.each([
    '081234567890',
    '0812-3456-7890',
    '0812 3456 7890',
    '+6281234567890',
    '+62 812 3456 7890',
    '6281234567890',
    '+62 0812 3456 7890',
    '(0812) 3456.7890',
  ])('normalises %s to E.164', (input) => {
    expect(normalizeIndonesianMobile(input)).toEqual({ ok: true, e164: '+6281234567890' });
  });

  it('accepts the shortest (10-digit) and longest (13-digit) mobile numbers', () => {
    expect(normalizeIndonesianMobile('0812345678')).toEqual({ ok: true, e164: '+62812345678' });
    expect(normalizeIndonesianMobile('0812345678901')).toEqual({ ok: true, e164: '+62812345678901' });
  });

  it.each([
    ['0812-ABCD-7890', 'NOT_A_PHONE_NUMBER'],
    ['', 'NOT_A_PHONE_NUMBER'],
    ['+1 555 123 4567', 'NOT_INDONESIAN'],
    ['81234567890', 'NOT_INDONESIAN'],
    ['021-5551234', 'NOT_MOBILE'],
    ['+62 254 123456', 'NOT_MOBILE'],
    ['0801234567', 'NOT_MOBILE'],
    ['081234567', 'BAD_LENGTH'],
    ['08123456789012', 'BAD_LENGTH'],
  ])('refuses %s with %s and a bilingual message', (input, reason) => {
    const result = normalizeIndonesianMobile(input);
    expect(result).toMatchObject({ ok: false, reason });
    expect(!result.ok && result.message.id.length > 0 && result.message.en.length > 0).toBe(true);
  });
});
