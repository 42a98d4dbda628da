// Dates, times and numbers as the public pages write them, identical on every machine.

import { JAKARTA_OFFSET_MS } from '../../domain/calendar/jakartaTime.js';
import { formatLongDate } from '../../domain/calendar/longDate.js';
import { formatDecimal } from '../../domain/fees/rupiah.js';
import type { Language } from '../webLocale.js';

/** "30 November 2026 14.05 WIB" (id) or "30 November 2026, 14:05 WIB" (en). */
export function formatDateTime(at: Date, language: Language): string {
  const clock = new Date(at.getTime() + JAKARTA_OFFSET_MS).toISOString().slice(11, 16);
  return language === 'id'
    ? `${formatLongDate(at, 'id')} ${clock.replace(':', '.')} WIB`
    : `${formatLongDate(at, 'en')}, ${clock} WIB`;
}

/** "87%" (share 0–1, whole percent), or the dash for "no value". */
export function formatShare(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

/** "2,5" / "2.5" with at most one decimal, or the dash for "no value". */
export function formatFigure(value: number | null, language: Language): string {
  return value === null ? '–' : formatDecimal(Math.round(value * 10) / 10, language);
}

/** A figure with exactly `decimals` decimals ("3,250" / "3.250"), or the dash for "no value". */
export function formatFixed(value: number | null, decimals: number, language: Language): string {
  if (value === null) return '–';
  const [whole = '0', fraction = ''] = value.toFixed(decimals).split('.');
  const grouped = formatDecimal(Number(whole), language);
  return fraction ? `${grouped}${language === 'id' ? ',' : '.'}${fraction}` : grouped;
}

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'];

/** "Triwulan II 2026" (id) or "Q2 2026" (en) for `2026-Q2`. */
export function formatQuarter(quarter: string, language: Language): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) throw new RangeError(`not a quarter: '${quarter}'`);
  const number = Number(match[2]);
  return language === 'id' ? `Triwulan ${ROMAN_QUARTERS[number - 1]} ${match[1]}` : `Q${number} ${match[1]}`;
}
