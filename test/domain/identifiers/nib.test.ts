import { describe, expect, it } from 'vitest';
import { validateNib } from '../../../src/domain/identifiers/nib.js';

describe('validateNib', () => {
  it('accepts 13 digits, ignoring spaces and hyphens', () => {
    expect(validateNib('9120001234567')).toEqual({ ok: true, nib: '9120001234567' });
    expect(validateNib(' 9120-0012-34567 ')).toEqual({ ok: true, nib: '9120001234567' });
  });

  it.each([
    ['912000123456', 'NOT_13_DIGITS'],
    ['91200012345678', 'NOT_13_DIGITS'],
    ['', 'NOT_13_DIGITS'],
    ['912000123456X', 'NOT_DIGITS'],
  ])('refuses %s with %s', (input, reason) => {
    const result = validateNib(input);
    expect(result).toMatchObject({ ok: false, reason });
    expect(!result.ok && result.message.id).toContain('NIB');
  });
});
