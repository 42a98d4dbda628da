// When an issued permit stops being valid, from its issue date and its permit type's validity.
// Dates are Asia/Jakarta calendar dates (`YYYY-MM-DD`): a permit is valid through the whole of
// its last day, wherever the server runs. Pure module.

import { dayOfIsoDate, isoDateOfDay, jakartaDayNumber } from '../calendar/jakartaTime.js';
import { formatLongIsoDate } from '../calendar/longDate.js';
import type { Validity } from '../catalog/catalogSchema.js';
import type { Language } from '../fees/rupiah.js';

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The last day of validity: the day before the same date N years or months later (issued
 * 30 November 2026 for 5 years → valid through 29 November 2031). When that date does not exist
 * (issued 31 January for 1 month), the period ends on the last day of the target month.
 * `indefinite` has no last day: null.
 */
export function validUntil(issuedAt: Date, validity: Validity): string | null {
  if (validity === 'indefinite') return null;
  const issueDay = isoDateOfDay(jakartaDayNumber(issuedAt.getTime()));
  const [year, month, day] = issueDay.split('-').map(Number) as [number, number, number];
  const months = 'years' in validity ? validity.years * 12 : validity.months;
  const targetYear = year + Math.floor((month - 1 + months) / 12);
  const targetMonth = ((month - 1 + months) % 12) + 1;
  const monthEnd = lastDayOfMonth(targetYear, targetMonth);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (day > monthEnd) return `${targetYear}-${pad(targetMonth)}-${pad(monthEnd)}`;
  const sameDay = dayOfIsoDate(`${targetYear}-${pad(targetMonth)}-${pad(day)}`) as number;
  return isoDateOfDay(sameDay - 1);
}

/** "5 tahun" / "5 years", "6 bulan" / "6 months", or the words for a permit without an end. */
export function formatValidityPeriod(validity: Validity, language: Language): string {
  if (validity === 'indefinite') return language === 'id' ? 'tanpa batas waktu' : 'without an end date';
  const [count, unitId, unitEn] =
    'years' in validity ? [validity.years, 'tahun', 'year'] : [validity.months, 'bulan', 'month'];
  return language === 'id' ? `${count} ${unitId}` : `${count} ${unitEn}${count === 1 ? '' : 's'}`;
}

/**
 * The validity sentence printed on a permit and shown on verification:
 * "5 tahun, sampai dengan 29 November 2031" / "5 years, until 29 November 2031 inclusive".
 */
export function describeValidity(validity: Validity, until: string | null, language: Language): string {
  const period = formatValidityPeriod(validity, language);
  if (until === null) return `${period.charAt(0).toUpperCase()}${period.slice(1)}`;
  const date = formatLongIsoDate(until, language);
  return language === 'id' ? `${period}, sampai dengan ${date}` : `${period}, until ${date} inclusive`;
}
