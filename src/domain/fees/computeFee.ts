// The retribusi of an application, computed from the permit type's formula and the validated
// form — never typed by an officer, so nobody can quote an applicant a different amount.
// Arithmetic is exact (decimal digits as BigInt) and rounds half up once, at the end.

import type { PermitType } from '../catalog/catalogSchema.js';
import { formatDecimal, formatRupiah } from './rupiah.js';

export interface FeeAssessment {
  /** Whole rupiah. */
  amount: number;
  breakdown: { id: string; en: string };
}

/** The form lacks a value the formula needs: a validation gap upstream, not an applicant error. */
export class FeeInputError extends Error {
  override readonly name = 'FeeInputError';
}

interface Decimal {
  units: bigint;
  scale: bigint; // value = units / scale
}

function decimalOf(values: Readonly<Record<string, unknown>>, field: string, code: string): Decimal {
  const value = values[field];
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new FeeInputError(`${code}: field '${field}' must be a non-negative number to compute the fee`);
  }
  const text = String(value);
  if (text.includes('e')) throw new FeeInputError(`${code}: field '${field}' is out of range (${text})`);
  const [whole = '0', fraction = ''] = text.split('.');
  return { units: BigInt(whole + fraction), scale: 10n ** BigInt(fraction.length) };
}

/** Product of decimals and whole-rupiah factors, rounded half up to whole rupiah. */
function roundedProduct(decimals: readonly Decimal[], wholeFactors: readonly number[]): number {
  let numerator = 1n;
  let denominator = 1n;
  for (const { units, scale } of decimals) {
    numerator *= units;
    denominator *= scale;
  }
  for (const factor of wholeFactors) numerator *= BigInt(factor);
  const rounded = (numerator * 2n + denominator) / (denominator * 2n);
  if (rounded > BigInt(Number.MAX_SAFE_INTEGER)) throw new FeeInputError('fee amount is out of range');
  return Number(rounded);
}

function withMinimum(
  computed: number,
  minimum: number | undefined,
): { amount: number; minimumApplied: boolean } {
  return minimum !== undefined && computed < minimum
    ? { amount: minimum, minimumApplied: true }
    : { amount: computed, minimumApplied: false };
}

function minimumNote(applied: boolean, amount: number): { id: string; en: string } {
  return applied
    ? {
        id: `; dikenakan retribusi minimum ${formatRupiah(amount, 'id')}`,
        en: `; the minimum levy of ${formatRupiah(amount, 'en')} applies`,
      }
    : { id: '', en: '' };
}

export function computeFee(
  permitType: PermitType,
  formValues: Readonly<Record<string, unknown>>,
): FeeAssessment {
  const fee = permitType.fee;
  switch (fee.kind) {
    case 'free':
      return {
        amount: 0,
        breakdown: { id: 'Tidak dipungut biaya (gratis).', en: 'No fee (free of charge).' },
      };
    case 'fixed':
      return {
        amount: fee.amount,
        breakdown: {
          id: `Retribusi tetap: ${formatRupiah(fee.amount, 'id')}.`,
          en: `Fixed levy: ${formatRupiah(fee.amount, 'en')}.`,
        },
      };
    case 'per_m2': {
      const area = formValues[fee.field] as number;
      const computed = roundedProduct([decimalOf(formValues, fee.field, permitType.code)], [fee.ratePerM2]);
      const { amount, minimumApplied } = withMinimum(computed, fee.minimum);
      const note = minimumNote(minimumApplied, amount);
      return {
        amount,
        breakdown: {
          id: `Retribusi: ${formatDecimal(area, 'id')} m² × ${formatRupiah(fee.ratePerM2, 'id')}/m² = ${formatRupiah(computed, 'id')}${note.id}.`,
          en: `Levy: ${formatDecimal(area, 'en')} m² × ${formatRupiah(fee.ratePerM2, 'en')}/m² = ${formatRupiah(computed, 'en')}${note.en}.`,
        },
      };
    }
    case 'per_m2_duration': {
      const area = formValues[fee.areaField] as number;
      const duration = formValues[fee.durationField] as number;
      const computed = roundedProduct(
        [
          decimalOf(formValues, fee.areaField, permitType.code),
          decimalOf(formValues, fee.durationField, permitType.code),
        ],
        [fee.rate],
      );
      const { amount, minimumApplied } = withMinimum(computed, fee.minimum);
      const note = minimumNote(minimumApplied, amount);
      const unit =
        fee.durationUnit === 'month'
          ? { id: 'bulan', en: duration === 1 ? 'month' : 'months' }
          : { id: 'tahun', en: duration === 1 ? 'year' : 'years' };
      const perUnit = { id: fee.durationUnit === 'month' ? 'bulan' : 'tahun', en: fee.durationUnit };
      return {
        amount,
        breakdown: {
          id: `Retribusi: ${formatDecimal(area, 'id')} m² × ${formatDecimal(duration, 'id')} ${unit.id} × ${formatRupiah(fee.rate, 'id')}/m²/${perUnit.id} = ${formatRupiah(computed, 'id')}${note.id}.`,
          en: `Levy: ${formatDecimal(area, 'en')} m² × ${formatDecimal(duration, 'en')} ${unit.en} × ${formatRupiah(fee.rate, 'en')}/m²/${perUnit.en} = ${formatRupiah(computed, 'en')}${note.en}.`,
        },
      };
    }
  }
}
