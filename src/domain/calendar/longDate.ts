// Dates written out in full, as on official letters: "30 November 2026" in Indonesian, and the
// same day-month-year order in English. Month names are fixed tables rather than Intl, so the
// text (and the permit document that prints it) is identical on every machine and Node build.
// Pure module.

import type { Language } from '../fees/rupiah.js';
import { dayOfIsoDate, isoDateOfDay, jakartaDayNumber } from './jakartaTime.js';

const MONTHS: Readonly<Record<Language, readonly string[]>> = {
  id: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** "17 Agustus 2026" for a calendar date `YYYY-MM-DD`. @throws RangeError when it is not a real date. */
export function formatLongIsoDate(isoDate: string, language: Language): string {
  if (dayOfIsoDate(isoDate) === null) throw new RangeError(`not a calendar date: '${isoDate}'`);
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[language][month - 1]} ${year}`;
}

/** The Asia/Jakarta calendar date of an instant, written out: "30 November 2026". */
export function formatLongDate(at: Date | number, language: Language): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('cannot write out an invalid date');
  return formatLongIsoDate(isoDateOfDay(jakartaDayNumber(ms)), language);
}

/** "Nov 2026" style month labels for charts and tables (`YYYY-MM`). */
export function formatShortMonth(yearMonth: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new RangeError(`not a year and month: '${yearMonth}'`);
  return `${MONTHS[language][month - 1]?.slice(0, 3)} ${match[1]}`;
}
