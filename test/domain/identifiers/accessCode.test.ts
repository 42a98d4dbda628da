import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_CODE_ALPHABET,
  formatAccessCode,
  generateAccessCode,
  hashAccessCode,
  normalizeAccessCode,
  verifyAccessCode,
} from '../../../src/domain/identifiers/accessCode.js';
import { hashSecret, verifySecret } from '../../../src/domain/identifiers/secretHash.js';

describe('access codes', () => {
  it('are 10 characters from an alphabet without look-alikes', () => {
    for (const lookAlike of ['0', 'O', '1', 'I', 'L']) expect(ACCESS_CODE_ALPHABET).not.toContain(lookAlike);
    for (let i = 0; i < 500; i++)
      expect(generateAccessCode()).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/);
  });

  it('are random: a thousand codes are all distinct and use the whole alphabet', () => {
    const codes = Array.from({ length: 1000 }, generateAccessCode);
    expect(new Set(codes).size).toBe(1000);
    expect(new Set(codes.join('')).size).toBe(ACCESS_CODE_ALPHABET.length);
  });

  it('normalise typed input: lower case, spaces and hyphens', () => {
    expect(normalizeAccessCode(' abcde-fghjk ')).toBe('ABCDEFGHJK');
    expect(normalizeAccessCode('AB CD EF GH JK')).toBe('ABCDEFGHJK');
    expect(normalizeAccessCode('ABCDEFGHJ')).toBeNull();
    expect(normalizeAccessCode('ABCDEFGHJ0')).toBeNull();
    expect(normalizeAccessCode('ABCDEFGHJKM')).toBeNull();
    expect(formatAccessCode('ABCDEFGHJK')).toBe('ABCDE-FGHJK');
  });

  it('are stored only as a salted scrypt hash that verifies the code as typed', async () => {
    const code = generateAccessCode();
    const stored = await hashAccessCode(code);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain(code);
    expect(await verifyAccessCode(code, stored)).toBe(true);
    expect(await verifyAccessCode(formatAccessCode(code).toLowerCase(), stored)).toBe(true);
    const other = code === 'ABCDEFGHJK' ? 'ABCDEFGHJM' : 'ABCDEFGHJK';
    expect(await verifyAccessCode(other, stored)).toBe(false);
    expect(await verifyAccessCode('not a code', stored)).toBe(false);
  });

  it('hash the same code differently each time (per-code salt)', async () => {
    const [a, b] = await Promise.all([hashAccessCode('ABCDEFGHJK'), hashAccessCode('ABCDEFGHJK')]);
    expect(a).not.toBe(b);
  });

  it('hashed at an earlier, higher cost (N = 2^14) still verify: the cost is read from each hash', async () => {
    // Made with the previous default cost; the code is ABCDEFGHJK.
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('ABCDEFGHJK', salt, 32, { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const stored = ['scrypt', 16384, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    expect(await verifyAccessCode('abcde-fghjk', stored)).toBe(true);
    expect(await verifyAccessCode('ABCDEFGHJM', stored)).toBe(false);
  });

  it('refuse to hash something that is not an access code', async () => {
    await expect(hashAccessCode('short')).rejects.toThrow(RangeError);
  });
});

describe('secret hashes', () => {
  it('verify the exact secret only', async () => {
    const stored = await hashSecret('ak_live_7Hq2-secret');
    expect(await verifySecret('ak_live_7Hq2-secret', stored)).toBe(true);
    expect(await verifySecret('ak_live_7Hq2-secreT', stored)).toBe(false);
  });

  it('never match a malformed or tampered stored value', async () => {
    const stored = await hashSecret('secret');
    const parts = stored.split('$');
    const tamperedKey = [...parts.slice(0, 5), Buffer.from('x'.repeat(32)).toString('base64url')].join('$');
    for (const bad of [
      '',
      'plain',
      'scrypt$$$$$',
      stored.replace('scrypt', 'bcrypt'),
      stored.replace('$1024$', '$1000$'),
      stored.replace('$1024$', `$${2 ** 30}$`),
      tamperedKey,
    ]) {
      expect(await verifySecret('secret', bad)).toBe(false);
    }
  });
});
