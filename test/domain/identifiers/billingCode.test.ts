import { expect, test } from 'vitest';
import {
  billingCodeOf,
  formatBillingCode,
  isValidBillingCode,
  luhnCheckDigit,
} from '../../../src/domain/identifiers/billingCode.js';

test('the Luhn check digit matches the published examples', () => {
  expect(luhnCheckDigit('7992739871')).toBe(3);
  expect(luhnCheckDigit('4111111111111111'.slice(0, -1))).toBe(1);
});

test('a billing code is the zero-padded sequence and its check digit, 12 digits', () => {
  const code = billingCodeOf(1);
  expect(code).toMatch(/^\d{12}$/);
  expect(code.slice(0, 11)).toBe('00000000001');
  expect(isValidBillingCode(code)).toBe(true);
  expect(billingCodeOf(7992739871)).toBe('079927398713');
});

test('distinct sequence numbers give distinct codes', () => {
  const codes = new Set(Array.from({ length: 2000 }, (_, i) => billingCodeOf(i + 1)));
  expect(codes.size).toBe(2000);
});

test('one wrong digit or two swapped neighbours fail the check', () => {
  const code = billingCodeOf(123456);
  for (let i = 0; i < code.length; i++) {
    const d = Number(code[i]);
    const wrong = `${code.slice(0, i)}${(d + 1) % 10}${code.slice(i + 1)}`;
    expect(isValidBillingCode(wrong)).toBe(false);
  }
  const swapped = `${code.slice(0, 6)}${code[7]}${code[6]}${code.slice(8)}`;
  if (swapped !== code) expect(isValidBillingCode(swapped)).toBe(false);
  expect(isValidBillingCode('12345')).toBe(false);
  expect(isValidBillingCode('abcdefghijkl')).toBe(false);
});

test('out-of-range sequences are refused', () => {
  expect(() => billingCodeOf(0)).toThrow(RangeError);
  expect(() => billingCodeOf(10 ** 11)).toThrow(RangeError);
});

test('printed in groups of four', () => {
  expect(formatBillingCode('000000000018')).toBe('0000 0000 0018');
});
