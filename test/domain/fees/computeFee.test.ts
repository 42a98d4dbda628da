import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPermitType } from '../../../src/domain/catalog/catalogLookup.js';
import type { FeeFormula, PermitType } from '../../../src/domain/catalog/catalogSchema.js';
import { loadCatalog } from '../../../src/domain/catalog/loadCatalog.js';
import { computeFee, FeeInputError } from '../../../src/domain/fees/computeFee.js';
import { formatDecimal, formatRupiah } from '../../../src/domain/fees/rupiah.js';

const catalog = loadCatalog(
  fileURLToPath(new URL('../../../data/catalog/permit-types.yaml', import.meta.url)),
);
const typeOf = (code: string): PermitType => {
  const type = findPermitType(catalog, code);
  if (!type) throw new Error(`no ${code}`);
  return type;
};
/** A shipped type with another formula: computeFee reads nothing else of the type. */
/** Each formula without its legal basis, which the helper adds. */
type FeeWithoutBasis<F = FeeFormula> = F extends unknown ? Omit<F, 'legalBasis'> : never;
const withFee = (fee: FeeWithoutBasis): PermitType => ({
  ...typeOf('PBG'),
  fee: (fee.kind === 'free' ? fee : { ...fee, legalBasis: 'Perda Uji 1/2026' }) as FeeFormula,
});

describe('computeFee', () => {
  it('charges nothing for free permits', () => {
    expect(computeFee(typeOf('SIP-DOKTER'), {})).toEqual({
      amount: 0,
      breakdown: { id: 'Tidak dipungut biaya (gratis).', en: 'No fee (free of charge).' },
    });
  });

  it('charges a fixed amount as configured', () => {
    expect(computeFee(withFee({ kind: 'fixed', amount: 150000 }), {})).toEqual({
      amount: 150000,
      breakdown: { id: 'Retribusi tetap: Rp 150.000.', en: 'Fixed levy: IDR 150,000.' },
    });
  });

  it('charges PBG by floor area and explains the computation in both languages', () => {
    expect(computeFee(typeOf('PBG'), { floorArea: 120.5 })).toEqual({
      amount: 1_446_000,
      breakdown: {
        id: 'Retribusi: 120,5 m² × Rp 12.000/m² = Rp 1.446.000.',
        en: 'Levy: 120.5 m² × IDR 12,000/m² = IDR 1,446,000.',
      },
    });
  });

  it('applies the minimum when the computed amount is lower, and says so', () => {
    expect(computeFee(typeOf('PBG'), { floorArea: 10 })).toEqual({
      amount: 250_000,
      breakdown: {
        id: 'Retribusi: 10 m² × Rp 12.000/m² = Rp 120.000; dikenakan retribusi minimum Rp 250.000.',
        en: 'Levy: 10 m² × IDR 12,000/m² = IDR 120,000; the minimum levy of IDR 250,000 applies.',
      },
    });
  });

  it('charges REKLAME by area × months', () => {
    expect(computeFee(typeOf('REKLAME'), { billboardArea: 12.5, durationMonths: 6 })).toEqual({
      amount: 1_125_000,
      breakdown: {
        id: 'Retribusi: 12,5 m² × 6 bulan × Rp 15.000/m²/bulan = Rp 1.125.000.',
        en: 'Levy: 12.5 m² × 6 months × IDR 15,000/m²/month = IDR 1,125,000.',
      },
    });
    expect(computeFee(typeOf('REKLAME'), { billboardArea: 1, durationMonths: 1 }).amount).toBe(100_000);
  });

  it('charges per year when the formula says so', () => {
    const yearly = withFee({
      kind: 'per_m2_duration',
      areaField: 'a',
      durationField: 'y',
      durationUnit: 'year',
      rate: 100,
    });
    expect(computeFee(yearly, { a: 2.25, y: 1 })).toEqual({
      amount: 225,
      breakdown: {
        id: 'Retribusi: 2,25 m² × 1 tahun × Rp 100/m²/tahun = Rp 225.',
        en: 'Levy: 2.25 m² × 1 year × IDR 100/m²/year = IDR 225.',
      },
    });
  });

  it('rounds half up once, at the end, on the exact product', () => {
    const perM2 = (ratePerM2: number) => withFee({ kind: 'per_m2', field: 'floorArea', ratePerM2 });
    expect(computeFee(perM2(1), { floorArea: 0.5 }).amount).toBe(1);
    expect(computeFee(perM2(1), { floorArea: 2.5 }).amount).toBe(3); // not banker's rounding
    expect(computeFee(perM2(1), { floorArea: 0.49 }).amount).toBe(0);
    // 0.29 × 50 is 14.499999999999998 in floating point; the exact product is 14.5.
    expect(computeFee(perM2(50), { floorArea: 0.29 }).amount).toBe(15);
    // Rounding per factor would give 0.35 → 0 (or 1) × 3 months; once at the end: 1.05 → 1.
    const monthly = withFee({
      kind: 'per_m2_duration',
      areaField: 'a',
      durationField: 'm',
      durationUnit: 'month',
      rate: 1,
    });
    expect(computeFee(monthly, { a: 0.35, m: 3 }).amount).toBe(1);
  });

  it('matches integer arithmetic on hundredths of m² for any area and rate (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (hundredths, rate) => {
          const area = hundredths / 100;
          const expected = Math.floor((hundredths * rate + 50) / 100);
          const fee = computeFee(withFee({ kind: 'per_m2', field: 'floorArea', ratePerM2: rate }), {
            floorArea: area,
          });
          expect(fee.amount).toBe(expected);
          expect(Number.isInteger(fee.amount)).toBe(true);
        },
      ),
    );
  });

  it('refuses to guess when a value the formula needs is missing or not a number', () => {
    expect(() => computeFee(typeOf('PBG'), {})).toThrow(FeeInputError);
    expect(() => computeFee(typeOf('PBG'), { floorArea: '120' })).toThrow(/floorArea/);
    expect(() => computeFee(typeOf('REKLAME'), { billboardArea: 2 })).toThrow(/durationMonths/);
    expect(() => computeFee(typeOf('PBG'), { floorArea: -1 })).toThrow(FeeInputError);
  });
});

describe('rupiah formatting', () => {
  it('groups thousands the Indonesian and the English way', () => {
    expect(formatRupiah(1_234_567, 'id')).toBe('Rp 1.234.567');
    expect(formatRupiah(1_234_567, 'en')).toBe('IDR 1,234,567');
    expect(formatRupiah(0, 'id')).toBe('Rp 0');
    expect(formatDecimal(1234.5, 'id')).toBe('1.234,5');
    expect(formatDecimal(1234.5, 'en')).toBe('1,234.5');
    expect(formatDecimal(999, 'id')).toBe('999');
  });
});
