import { describe, expect, it } from 'vitest';
import { findPermitType } from '../../../src/domain/catalog/catalogLookup.js';
import type { PermitType } from '../../../src/domain/catalog/catalogSchema.js';
import { validateApplicationForm } from '../../../src/domain/catalog/formValidation.js';
import { loadCatalog } from '../../../src/domain/catalog/loadCatalog.js';
import { SHIPPED_CATALOG_PATH } from './catalogTestSupport.js';

const catalog = loadCatalog(SHIPPED_CATALOG_PATH);
const typeOf = (code: string): PermitType => {
  const type = findPermitType(catalog, code);
  if (!type) throw new Error(`no ${code}`);
  return type;
};
const reklame = typeOf('REKLAME');
const pbg = typeOf('PBG');

const reklameForm = {
  applicantNik: '3604 0157 0890 0001',
  fullName: '  Siti Rahmawati ',
  phone: '0812-3456-7890',
  reklameType: 'Billboard',
  adContent: 'Toko Bangunan Sinar Jaya — Jl. Raya Serang km 5',
  location: 'Jl. Raya Serang–Cilegon km 5, Kramatwatu',
  billboardArea: '12,5',
  durationMonths: '6',
  startDate: '01/03/2026',
};

const errorsOf = (type: PermitType, form: Record<string, unknown>) => {
  const result = validateApplicationForm(type, form);
  return result.ok ? [] : result.errors.map((error) => [error.field, error.code]);
};

describe('validateApplicationForm', () => {
  it('accepts a complete form and returns normalised values', () => {
    expect(validateApplicationForm(reklame, reklameForm)).toEqual({
      ok: true,
      values: {
        applicantNik: '3604015708900001',
        fullName: 'Siti Rahmawati',
        phone: '+6281234567890',
        reklameType: 'billboard',
        adContent: 'Toko Bangunan Sinar Jaya — Jl. Raya Serang km 5',
        location: 'Jl. Raya Serang–Cilegon km 5, Kramatwatu',
        billboardArea: 12.5,
        durationMonths: 6,
        startDate: '2026-03-01',
      },
    });
  });

  it('leaves out optional fields left blank, and accepts numbers given as numbers', () => {
    const result = validateApplicationForm(reklame, {
      ...reklameForm,
      businessNib: '  ',
      billboardArea: 4,
      durationMonths: 12,
    });
    expect(result.ok && result.values).toMatchObject({ billboardArea: 4, durationMonths: 12 });
    expect(result.ok && 'businessNib' in result.values).toBe(false);
  });

  it('refuses unknown fields and reports missing required ones, all at once', () => {
    const { fullName: _omitted, startDate: _alsoOmitted, ...rest } = reklameForm;
    expect(errorsOf(reklame, { ...rest, discount: '50%' })).toEqual([
      ['discount', 'UNKNOWN_FIELD'],
      ['fullName', 'REQUIRED'],
      ['startDate', 'REQUIRED'],
    ]);
  });

  it('explains a bad NIK with the identifier validator’s own reason and message', () => {
    const result = validateApplicationForm(reklame, { ...reklameForm, applicantNik: '3604011713900001' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]).toMatchObject({
        field: 'applicantNik',
        code: 'INVALID_NIK',
        reason: 'BAD_BIRTH_MONTH',
      });
      expect(result.errors[0]?.message.id).toContain('Bulan lahir');
    }
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a landline as mobile number', { phone: '0254-123456' }, 'phone', 'INVALID_PHONE'],
    ['a malformed NIB', { businessNib: '12345' }, 'businessNib', 'INVALID_NIB'],
    ['an option that does not exist', { reklameType: 'banner-digital' }, 'reklameType', 'NOT_AN_OPTION'],
    ['text where a number is expected', { billboardArea: 'dua belas' }, 'billboardArea', 'NOT_A_NUMBER'],
    ['a thousands separator in an area', { billboardArea: '1.000' }, 'billboardArea', 'TOO_MANY_DECIMALS'],
    [
      'a thousands separator in a whole number',
      { durationMonths: '1.000' },
      'durationMonths',
      'NOT_WHOLE_NUMBER',
    ],
    ['a fractional number of months', { durationMonths: '1,5' }, 'durationMonths', 'NOT_WHOLE_NUMBER'],
    ['a value below the minimum', { billboardArea: '0,1' }, 'billboardArea', 'TOO_SMALL'],
    ['a value above the maximum', { durationMonths: '13' }, 'durationMonths', 'TOO_LARGE'],
    ['a date that does not exist', { startDate: '31-02-2026' }, 'startDate', 'INVALID_DATE'],
    ['text longer than allowed', { adContent: 'x'.repeat(301) }, 'adContent', 'TOO_LONG'],
    ['a list where text is expected', { fullName: ['a'] }, 'fullName', 'NOT_TEXT'],
  ])('refuses %s', (_what, change, field, code) => {
    expect(errorsOf(reklame, { ...reklameForm, ...change })).toEqual([[field, code]]);
  });

  it('gives bilingual messages that name the field by its label', () => {
    const result = validateApplicationForm(pbg, { applicantNik: '3604015708900001' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const floorArea = result.errors.find((error) => error.field === 'floorArea');
      expect(floorArea?.message).toEqual({
        id: 'Total luas lantai bangunan (m²) wajib diisi.',
        en: 'Total floor area (m²) is required.',
      });
    }
  });

  it('validates email addresses and trims them', () => {
    const base = {
      applicantNik: '3604015708900001',
      fullName: 'Budi',
      phone: '081234567890',
      buildingFunction: 'hunian',
      buildingAddress: 'Kp. Baru RT 01/02, Ciruas',
      landTitleNumber: 'SHM 123/Ciruas',
      floorArea: '120,5',
      floors: '2',
    };
    expect(validateApplicationForm(pbg, { ...base, email: ' budi@example.id ' })).toMatchObject({
      ok: true,
      values: { email: 'budi@example.id', floorArea: 120.5, floors: 2 },
    });
    expect(errorsOf(pbg, { ...base, email: 'budi@example' })).toEqual([['email', 'INVALID_EMAIL']]);
  });
});
