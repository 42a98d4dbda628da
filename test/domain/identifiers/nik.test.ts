import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  maskNik,
  maskNikForDocument,
  maskNikRuns,
  validateNik,
} from '../../../src/domain/identifiers/nik.js';

const at2026 = { referenceYear: 2026 };

describe('validateNik', () => {
  it('accepts a woman’s NIK from Kabupaten Serang and reads sex and birth date (day + 40)', () => {
    expect(validateNik('3604015708900001', at2026)).toEqual({
      ok: true,
      nik: '3604015708900001',
      sex: 'F',
      birthDate: '1990-08-17',
    });
  });

  it('accepts a man’s NIK and reads the day as written', () => {
    expect(validateNik('3604011708900001', at2026)).toMatchObject({
      ok: true,
      sex: 'M',
      birthDate: '1990-08-17',
    });
  });

  it('accepts NIKs first issued in other regions (people move)', () => {
    for (const nik of ['3171010101800002', '1101014112950003', '9471013112990004']) {
      expect(validateNik(nik, at2026).ok).toBe(true);
    }
  });

  it('ignores spaces, dots and hyphens typed for readability', () => {
    expect(validateNik(' 3604 0157 0890 0001 ', at2026)).toMatchObject({ ok: true, nik: '3604015708900001' });
    expect(validateNik('3604.0157.0890-0001', at2026)).toMatchObject({ ok: true, nik: '3604015708900001' });
  });

  it.each([
    ['36040157089000A1', 'NOT_DIGITS'],
    ['abc', 'NOT_DIGITS'],
    ['360401570890001', 'NOT_16_DIGITS'],
    ['36040157089000011', 'NOT_16_DIGITS'],
    ['', 'NOT_16_DIGITS'],
    ['0004015708900001', 'BAD_PROVINCE'],
    ['3600015708900001', 'BAD_REGENCY'],
    ['3604010008900001', 'BAD_BIRTH_DAY'],
    ['3604013208900001', 'BAD_BIRTH_DAY'],
    ['3604014008900001', 'BAD_BIRTH_DAY'],
    ['3604017208900001', 'BAD_BIRTH_DAY'],
    ['3604011700900001', 'BAD_BIRTH_MONTH'],
    ['3604011713900001', 'BAD_BIRTH_MONTH'],
    ['3604013104900001', 'BAD_BIRTH_DATE'],
    ['3604017102900001', 'BAD_BIRTH_DATE'],
    ['3604012902010001', 'BAD_BIRTH_DATE'],
    ['3604011708900000', 'BAD_SERIAL'],
  ])('refuses %s with %s and a bilingual message', (nik, reason) => {
    const result = validateNik(nik, at2026);
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) {
      expect(result.message.id).not.toBe('');
      expect(result.message.en).not.toBe('');
    }
  });

  it('names the wrong part of the NIK by its digit positions', () => {
    const month = validateNik('3604011713900001', at2026);
    expect(!month.ok && month.message.en).toContain('digits 9–10');
    expect(!month.ok && month.message.id).toContain('angka ke-9–10');
    const serial = validateNik('3604011708900000', at2026);
    expect(!serial.ok && serial.message.en).toContain('digits 13–16');
  });

  it('accepts 29 February when either century is a leap year (2000, 1996), refuses it otherwise', () => {
    expect(validateNik('3604012902000001', at2026)).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(validateNik('3604016902960001', at2026)).toMatchObject({
      ok: true,
      sex: 'F',
      birthDate: '1996-02-29',
    });
    expect(validateNik('3604012902010001', at2026)).toMatchObject({ ok: false, reason: 'BAD_BIRTH_DATE' });
  });

  it('reads the two-digit year as 20xx up to the reference year, else 19xx', () => {
    expect(validateNik('3604011708100001', at2026)).toMatchObject({ birthDate: '2010-08-17' });
    expect(validateNik('3604011708260001', at2026)).toMatchObject({ birthDate: '2026-08-17' });
    expect(validateNik('3604011708300001', at2026)).toMatchObject({ birthDate: '1930-08-17' });
  });

  it('accepts every NIK built from a real date, any region and serial (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.date({
          min: new Date('1930-01-01T00:00:00Z'),
          max: new Date('2025-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.boolean(),
        fc.integer({ min: 1, max: 9999 }),
        (province, regency, district, date, female, serial) => {
          const p2 = (n: number) => String(n).padStart(2, '0');
          const day = date.getUTCDate() + (female ? 40 : 0);
          const nik = `${p2(province)}${p2(regency)}${p2(district)}${p2(day)}${p2(date.getUTCMonth() + 1)}${p2(date.getUTCFullYear() % 100)}${String(serial).padStart(4, '0')}`;
          const result = validateNik(nik, at2026);
          expect(result).toMatchObject({ ok: true, sex: female ? 'F' : 'M' });
          if (result.ok) expect(result.birthDate.slice(5)).toBe(date.toISOString().slice(5, 10));
        },
      ),
    );
  });
});

describe('maskNik', () => {
  it('shows only the region prefix and the serial', () => {
    expect(maskNik('3604015708900001')).toBe('3604••••••••0001');
  });

  it('masks partial or garbage input completely, hiding even its length', () => {
    for (const input of [
      '3604',
      '36040157089000',
      '360401570890000123',
      'hello world',
      '',
      null,
      undefined,
    ]) {
      expect(maskNik(input)).toBe('••••••••••••••••');
    }
  });

  it('never reveals the birth-date digits of any input (property)', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const masked = maskNik(input);
        expect(masked).toHaveLength(16);
        expect(masked.slice(4, 12)).toBe('••••••••');
        if (!/^\d{16}$/.test(input.replace(/[\s.-]/g, ''))) expect(masked).not.toMatch(/\d/);
      }),
    );
  });
});

describe('maskNikForDocument', () => {
  it('keeps the first and last 4 digits with asterisks between, as printed on a permit', () => {
    expect(maskNikForDocument('3604 0157 0890 0001')).toBe('3604********0001');
  });

  it('prints a full mask for anything that is not a NIK', () => {
    expect(maskNikForDocument('36040157')).toBe('****************');
  });
});

describe('maskNikRuns', () => {
  it('masks every 16-digit run in free text and leaves the rest', () => {
    expect(maskNikRuns('GET /api/v1/x/3604015708900001 failed for 3201010101900002; code 1234')).toBe(
      'GET /api/v1/x/3604••••••••0001 failed for 3201••••••••0002; code 1234',
    );
  });
});

describe('maskNikRuns with separators', () => {
  it.each([
    ['spaces', 'NIK saya 3604 0157 0890 0001, mohon dicek', 'NIK saya 3604••••••••0001, mohon dicek'],
    ['dots', 'nik: 3604.0157.0890.0001.', 'nik: 3604••••••••0001.'],
    ['hyphens', 'KTP 3604-0157-0890-0001', 'KTP 3604••••••••0001'],
    ['mixed groups', 'NIK 36.04.01 570890 0001 ok', 'NIK 3604••••••••0001 ok'],
  ])('masks a NIK written with %s', (_how, text, masked) => {
    expect(maskNikRuns(text)).toBe(masked);
  });

  it('leaves shorter numbers, phone numbers and dates alone', () => {
    const text = 'HP 0812 3456 7890, rapat 2026-03-04 pukul 10.00, berkas TEST-FREE-2026-000001';
    expect(maskNikRuns(text)).toBe(text);
  });

  it('never leaves a 16-digit run readable, however it is split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 16, maxLength: 16 }),
        fc.array(fc.constantFrom('', ' ', '.', '-'), { minLength: 15, maxLength: 15 }),
        (digits, separators) => {
          const written = digits.map((d, i) => `${d}${separators[i] ?? ''}`).join('');
          const masked = maskNikRuns(`catatan ${written} selesai`);
          expect(masked.replace(/\D/g, '')).toHaveLength(8);
        },
      ),
    );
  });
});
