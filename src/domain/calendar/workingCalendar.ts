// Working-day arithmetic for SLA deadlines: Asia/Jakarta days with office hours, minus national
// holidays and cuti bersama. Pure and deterministic: built from plain data (see
// createWorkingCalendar), so a Temporal activity can rebuild it from whatever the admin edited.

import { z } from 'zod';
import { CalendarDataError, type CalendarDataIssue, issuesFromZod } from './calendarDataError.js';
import { type Coverage, CoverageProbe } from './coverage.js';
import { holidayDateSchema } from './holidayData.js';
import { dayOfIsoDate, jakartaDayNumber, jakartaMidnightMs, weekdayOfDay, yearOfDay } from './jakartaTime.js';
import { type OfficeHours, type OfficeWindow, resolveOfficeHours } from './officeHours.js';

export interface InstantResult extends Coverage {
  at: Date;
}
export interface DurationResult extends Coverage {
  /** Milliseconds of office time. */
  ms: number;
}
export interface DayCountResult extends Coverage {
  days: number;
}
export interface WorkingResult extends Coverage {
  working: boolean;
}

/**
 * Rules, all in Asia/Jakarta time:
 *
 * - A **working day** is a weekday with office hours that is not listed as a holiday.
 * - **Office time** on a working day is the closed interval [open, close]: the close instant
 *   itself is the last working instant (a deadline at close is still "in office").
 * - **Start day** of an instant t: the Jakarta day of t if that is a working day and t is not
 *   later than its close (so an arrival before opening counts from that same day); otherwise
 *   the next working day. An arrival after close or on a weekend/holiday therefore behaves
 *   exactly like an arrival at the opening of the next working day.
 * - **addWorkingDays(t, n)** = close of office on the n-th working day after the start day of t
 *   (n = 0: close of the start day). Because the close instant belongs to its own day,
 *   addWorkingDays(addWorkingDays(t, a).at, b) = addWorkingDays(t, a + b).
 * - **addWorkingTime(t, ms)** = the earliest instant by which `ms` of office time have passed
 *   since t (t itself when ms = 0). A remainder that ends exactly at a close lands on that close.
 * - **workingDaysBetween(from, to)** = number of working days after the start day of `from`
 *   whose close is not later than `to`; the inverse of addWorkingDays.
 * - **Coverage**: a year missing from the holiday data is treated as weekends-only, and every
 *   result says so (`uncovered`, `uncoveredYears`) when it depended on such a year, i.e. when a
 *   weekday with office hours in that year had to be checked for holidays.
 */
export interface WorkingCalendar {
  readonly coveredYears: readonly number[];
  readonly officeHours: OfficeHours;
  /** Is the Jakarta day of `at` a working day? */
  isWorkingDay(at: Date): WorkingResult;
  /** Is `at` inside office hours (close included) of a working day? */
  isWorkingTime(at: Date): WorkingResult;
  addWorkingDays(start: Date, days: number): InstantResult;
  addWorkingTime(start: Date, ms: number): InstantResult;
  /** Office time between two instants; throws when `to` is before `from`. */
  workingTimeBetween(from: Date, to: Date): DurationResult;
  /** Whole working days elapsed (see the rules above); throws when `to` is before `from`. */
  workingDaysBetween(from: Date, to: Date): DayCountResult;
  /** Office time left before `deadline`; 0 once it has passed. */
  remainingWorkingTime(now: Date, deadline: Date): DurationResult;
}

export interface WorkingCalendarInput {
  /** Only `date` (YYYY-MM-DD) is used; Holiday objects from holidayData.ts fit as they are. */
  holidays: readonly { date: string }[];
  /** Years whose holiday list is complete. Days of other years are estimated weekends-only. */
  coveredYears: readonly number[];
  /** Weekdays left out keep DEFAULT_OFFICE_HOURS. */
  officeHours?: Partial<OfficeHours>;
}

/** A computation scanning more days than this is a bug or absurd input, not a deadline. */
const MAX_SCAN_DAYS = 100 * 366;

const inputSchema = z.object({
  holidays: z.array(z.looseObject({ date: holidayDateSchema }), { error: 'expected a list of holidays' }),
  coveredYears: z.array(z.int({ error: 'expected a year' }).min(1000).max(9999), {
    error: 'expected a list of years',
  }),
});

function instantMs(at: Date, name: string): number {
  const ms = at instanceof Date ? at.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be a valid Date`);
  return ms;
}

function checkScan(scanned: number): void {
  if (scanned > MAX_SCAN_DAYS)
    throw new RangeError(`calendar computation spans more than ${MAX_SCAN_DAYS} days`);
}

export function createWorkingCalendar(input: WorkingCalendarInput): WorkingCalendar {
  const source = 'working calendar';
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) throw new CalendarDataError(source, issuesFromZod(parsed.error.issues));
  const { hours, windows } = resolveOfficeHours(input.officeHours, `${source}: officeHours`);

  const covered = new Set(parsed.data.coveredYears);
  const holidayDays = new Set<number>();
  const issues: CalendarDataIssue[] = [];
  parsed.data.holidays.forEach((holiday, index) => {
    const day = dayOfIsoDate(holiday.date) as number;
    if (!covered.has(yearOfDay(day))) {
      issues.push({
        path: ['holidays', index, 'date'],
        problem: `${holiday.date} is in a year not in coveredYears`,
      });
    }
    holidayDays.add(day);
  });
  if (issues.length > 0) throw new CalendarDataError(source, issues);

  const windowOf = (day: number): OfficeWindow | null => windows[weekdayOfDay(day)] ?? null;

  // Consulted only for days with office hours, so the coverage flag marks real dependence.
  const isHoliday = (day: number, probe: CoverageProbe): boolean => {
    const year = yearOfDay(day);
    if (!covered.has(year)) {
      probe.flag(year);
      return false;
    }
    return holidayDays.has(day);
  };

  const isWorkingDayNumber = (day: number, probe: CoverageProbe): boolean =>
    windowOf(day) !== null && !isHoliday(day, probe);

  const closeMs = (day: number): number => jakartaMidnightMs(day) + (windowOf(day) as OfficeWindow).closeMs;

  const nextWorkingDay = (after: number, probe: CoverageProbe, lastDay = Number.POSITIVE_INFINITY) => {
    for (let day = after + 1; day <= lastDay; day++) {
      checkScan(day - after);
      if (isWorkingDayNumber(day, probe)) return day;
    }
    return null;
  };

  const startDayOf = (t: number, probe: CoverageProbe, lastDay = Number.POSITIVE_INFINITY): number | null => {
    const day = jakartaDayNumber(t);
    const window = windowOf(day);
    if (window && t <= jakartaMidnightMs(day) + window.closeMs && !isHoliday(day, probe)) return day;
    return nextWorkingDay(day, probe, lastDay);
  };

  const officeTimeBetween = (from: number, to: number, probe: CoverageProbe): number => {
    const [firstDay, lastDay] = [jakartaDayNumber(from), jakartaDayNumber(to)];
    checkScan(lastDay - firstDay);
    let total = 0;
    for (let day = firstDay; day <= lastDay; day++) {
      const window = windowOf(day);
      if (!window) continue;
      const midnight = jakartaMidnightMs(day);
      const low = Math.max(from, midnight + window.openMs);
      const high = Math.min(to, midnight + window.closeMs);
      if (low < high && !isHoliday(day, probe)) total += high - low;
    }
    return total;
  };

  return {
    coveredYears: [...covered].sort((a, b) => a - b),
    officeHours: hours,

    isWorkingDay(at) {
      const probe = new CoverageProbe();
      const working = isWorkingDayNumber(jakartaDayNumber(instantMs(at, 'at')), probe);
      return { working, ...probe.result() };
    },

    isWorkingTime(at) {
      const t = instantMs(at, 'at');
      const probe = new CoverageProbe();
      const day = jakartaDayNumber(t);
      const window = windowOf(day);
      const midnight = jakartaMidnightMs(day);
      const working =
        window !== null &&
        t >= midnight + window.openMs &&
        t <= midnight + window.closeMs &&
        !isHoliday(day, probe);
      return { working, ...probe.result() };
    },

    addWorkingDays(start, days) {
      const t = instantMs(start, 'start');
      if (!Number.isSafeInteger(days) || days < 0)
        throw new RangeError('days must be a whole number, 0 or more');
      const probe = new CoverageProbe();
      let day = startDayOf(t, probe) as number;
      for (let counted = 0; counted < days; counted++) day = nextWorkingDay(day, probe) as number;
      return { at: new Date(closeMs(day)), ...probe.result() };
    },

    addWorkingTime(start, ms) {
      const t = instantMs(start, 'start');
      if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError('ms must be a whole number, 0 or more');
      const probe = new CoverageProbe();
      let remaining = ms;
      if (remaining === 0) return { at: new Date(t), ...probe.result() };
      const firstDay = jakartaDayNumber(t);
      for (let day = firstDay; ; day++) {
        checkScan(day - firstDay);
        const window = windowOf(day);
        if (!window) continue;
        const midnight = jakartaMidnightMs(day);
        const low = Math.max(t, midnight + window.openMs);
        const high = midnight + window.closeMs;
        if (low >= high || isHoliday(day, probe)) continue;
        if (remaining <= high - low) return { at: new Date(low + remaining), ...probe.result() };
        remaining -= high - low;
      }
    },

    workingTimeBetween(from, to) {
      const [a, b] = [instantMs(from, 'from'), instantMs(to, 'to')];
      if (b < a) throw new RangeError('to must not be before from');
      const probe = new CoverageProbe();
      return { ms: officeTimeBetween(a, b, probe), ...probe.result() };
    },

    workingDaysBetween(from, to) {
      const [a, b] = [instantMs(from, 'from'), instantMs(to, 'to')];
      if (b < a) throw new RangeError('to must not be before from');
      const probe = new CoverageProbe();
      const lastDay = jakartaDayNumber(b);
      checkScan(lastDay - jakartaDayNumber(a));
      const startDay = startDayOf(a, probe, lastDay);
      let days = 0;
      if (startDay !== null) {
        for (let day = startDay + 1; day <= lastDay; day++) {
          const window = windowOf(day);
          if (window && jakartaMidnightMs(day) + window.closeMs <= b && !isHoliday(day, probe)) days++;
        }
      }
      return { days, ...probe.result() };
    },

    remainingWorkingTime(now, deadline) {
      const [a, b] = [instantMs(now, 'now'), instantMs(deadline, 'deadline')];
      const probe = new CoverageProbe();
      return { ms: a >= b ? 0 : officeTimeBetween(a, b, probe), ...probe.result() };
    },
  };
}
