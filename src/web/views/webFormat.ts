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
