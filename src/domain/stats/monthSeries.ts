// Pure: the months the public statistics look back over, and the share of decisions made on
// time in each, all permit types together. Months are Asia/Jakarta calendar months `YYYY-MM`.

import { isoDateOfDay, jakartaDayNumber } from '../calendar/jakartaTime.js';

/** The Jakarta month an instant falls in: `YYYY-MM`. */
export function jakartaMonth(at: Date | number): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  return isoDateOfDay(jakartaDayNumber(ms)).slice(0, 7);
}

/** `count` consecutive months ending with `lastMonth` (`YYYY-MM`), oldest first. */
export function monthsEndingWith(lastMonth: string, count: number): string[] {
  const match = /^(\d{4})-(\d{2})$/.exec(lastMonth);
  if (!match) throw new RangeError(`not a year and month: '${lastMonth}'`);
  const last = Number(match[1]) * 12 + Number(match[2]) - 1;
  const months: string[] = [];
  for (let index = last - count + 1; index <= last; index++) {
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

export interface MonthDecisions {
  /** `YYYY-MM` */
  month: string;
  decided: number;
  decidedWithinSla: number;
}

export interface OnTimeMonth extends MonthDecisions {
  /** decidedWithinSla / decided, or null when nothing was decided that month. */
  share: number | null;
}

/** A share, or null when there is nothing to share out (no division by zero reaches a page). */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/**
 * The on-time share of each of `months`, summing every row of that month (one per permit type);
 * a month without rows counts as nothing decided.
 */
export function onTimeSeries(rows: readonly MonthDecisions[], months: readonly string[]): OnTimeMonth[] {
  const totals = new Map(months.map((month) => [month, { decided: 0, decidedWithinSla: 0 }]));
  for (const row of rows) {
    const total = totals.get(row.month);
    if (!total) continue;
    total.decided += row.decided;
    total.decidedWithinSla += row.decidedWithinSla;
  }
  return months.map((month) => {
    const total = totals.get(month) ?? { decided: 0, decidedWithinSla: 0 };
    return { month, ...total, share: shareOf(total.decidedWithinSla, total.decided) };
  });
}

/** The calendar quarter of a month: `2026-05` → `2026-Q2` (the survey's grouping). */
export function quarterOfMonth(yearMonth: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) throw new RangeError(`not a year and month: '${yearMonth}'`);
  return `${match[1]}-Q${Math.floor((month - 1) / 3) + 1}`;
}
