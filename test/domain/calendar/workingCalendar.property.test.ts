// Invariants of the working-day calendar, over random instants of 2025–2026 (fully covered by
// the repository data) and, for the coverage flag, around the end of 2026.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadHolidayCalendar } from '../../../src/domain/calendar/holidayFile.js';
import { JAKARTA_OFFSET_MS, jakartaWallTime } from '../../../src/domain/calendar/jakartaTime.js';
import { type OfficeHours, WEEKDAY_KEYS } from '../../../src/domain/calendar/officeHours.js';
import { createWorkingCalendar, type WorkingCalendar } from '../../../src/domain/calendar/workingCalendar.js';

const data = await loadHolidayCalendar(new URL('../../../data/holidays-id.yaml', import.meta.url));
const calendar = createWorkingCalendar(data);
const RUNS = { numRuns: 300 };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Instants in [from, to): any millisecond, or a day at an edge of office hours (where bugs live). */
const instantBetween = (from: string, to: string) => {
  const [low, high] = [jakartaWallTime(from).getTime(), jakartaWallTime(to).getTime() - 1];
  const anyMs = fc.integer({ min: low, max: high });
  const edges = [0, 7 * HOUR + 30 * MINUTE, 16 * HOUR, 16 * HOUR + 30 * MINUTE, 16 * HOUR + 1];
  const atEdge = fc
    .tuple(fc.integer({ min: 0, max: Math.floor((high - low) / DAY) - 1 }), fc.constantFrom(...edges))
    .map(([days, offset]) => jakartaWallTime(from).getTime() + days * DAY + offset);
  return fc.oneof(anyMs, atEdge).map((ms) => new Date(ms));
};
const covered = instantBetween('2025-01-01 00:00', '2026-09-01 00:00');

/** Jakarta wall time 'HH:MM:SS.mmm' and weekday key of an instant. */
const wall = (at: Date) => {
  const local = new Date(at.getTime() + JAKARTA_OFFSET_MS);
  return { time: local.toISOString().slice(11, 23), weekday: WEEKDAY_KEYS[local.getUTCDay()] ?? 'sun' };
};

const expectCloseOfOffice = (cal: WorkingCalendar, deadline: Date): void => {
  const { time, weekday } = wall(deadline);
  expect(time).toBe(`${cal.officeHours[weekday]?.close}:00.000`);
  expect(cal.isWorkingTime(deadline).working).toBe(true);
  expect(cal.isWorkingTime(new Date(deadline.getTime() + 1)).working).toBe(false);
};

describe('addWorkingDays', () => {
  it('a deadline is always a working instant at close of office, never before the start', () => {
    fc.assert(
      fc.property(covered, fc.integer({ min: 0, max: 40 }), (start, days) => {
        const result = calendar.addWorkingDays(start, days);
        expectCloseOfOffice(calendar, result.at);
        expect(result.at.getTime()).toBeGreaterThanOrEqual(start.getTime());
        expect(result.uncovered).toBe(false);
      }),
      RUNS,
    );
  });

  it('also with random office hours (including Saturday work and closed weekdays)', () => {
    const minutes = fc.integer({ min: 0, max: 24 * 60 - 1 });
    const hhmm = (total: number) =>
      `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
    const officeDay = fc.option(
      fc
        .tuple(minutes, minutes)
        .filter(([a, b]) => a !== b)
        .map(([a, b]) => ({ open: hhmm(Math.min(a, b)), close: hhmm(Math.max(a, b)) })),
      { freq: 4 },
    );
    const officeHours = fc
      .record(
        Object.fromEntries(WEEKDAY_KEYS.map((key) => [key, officeDay])) as Record<
          keyof OfficeHours,
          typeof officeDay
        >,
      )
      .filter((hours) => Object.values(hours).some((day) => day !== null));
    fc.assert(
      fc.property(officeHours, covered, fc.integer({ min: 0, max: 20 }), (hours, start, days) => {
        const custom = createWorkingCalendar({ ...data, officeHours: hours });
        const result = custom.addWorkingDays(start, days);
        expectCloseOfOffice(custom, result.at);
        expect(custom.workingDaysBetween(start, result.at).days).toBe(days);
      }),
      RUNS,
    );
  });

  it('adding a then b working days equals adding a + b (a deadline at close counts for its own day)', () => {
    fc.assert(
      fc.property(
        covered,
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        (start, a, b) => {
          const stepwise = calendar.addWorkingDays(calendar.addWorkingDays(start, a).at, b).at;
          expect(stepwise).toEqual(calendar.addWorkingDays(start, a + b).at);
        },
      ),
      RUNS,
    );
  });

  it('whole working days elapsed from a start to its deadline equal the SLA (one fewer a ms earlier)', () => {
    fc.assert(
      fc.property(covered, fc.integer({ min: 0, max: 40 }), (start, days) => {
        const deadline = calendar.addWorkingDays(start, days).at;
        expect(calendar.workingDaysBetween(start, deadline).days).toBe(days);
        if (deadline.getTime() > start.getTime()) {
          const justBefore = new Date(deadline.getTime() - 1);
          expect(calendar.workingDaysBetween(start, justBefore).days).toBe(Math.max(0, days - 1));
        }
      }),
      RUNS,
    );
  });

  it('agrees with a naive day-by-day reference over the holiday list', () => {
    const holidays = new Set(data.holidays.map((holiday) => holiday.date));
    const reference = (start: Date, days: number): Date => {
      const closeMinutes = (weekday: number) => (weekday === 5 ? 16 * 60 + 30 : 16 * 60);
      const local = new Date(start.getTime() + JAKARTA_OFFSET_MS);
      const date = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
      const working = (d: Date) =>
        d.getUTCDay() >= 1 && d.getUTCDay() <= 5 && !holidays.has(d.toISOString().slice(0, 10));
      const minutesOfDay = (local.getTime() - date.getTime()) / MINUTE;
      const nextDay = () => date.setUTCDate(date.getUTCDate() + 1);
      if (!(working(date) && minutesOfDay <= closeMinutes(date.getUTCDay()))) {
        do nextDay();
        while (!working(date));
      }
      for (let counted = 0; counted < days; counted++) {
        do nextDay();
        while (!working(date));
      }
      return new Date(date.getTime() + closeMinutes(date.getUTCDay()) * MINUTE - JAKARTA_OFFSET_MS);
    };
    fc.assert(
      fc.property(covered, fc.integer({ min: 0, max: 40 }), (start, days) => {
        expect(calendar.addWorkingDays(start, days).at).toEqual(reference(start, days));
      }),
      RUNS,
    );
  });
});

describe('working time', () => {
  it('a paused and resumed clock never ends earlier than an unpaused one', () => {
    fc.assert(
      fc.property(
        covered,
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 30 * DAY }),
        (start, days, pauseShare, pauseLength) => {
          const deadline = calendar.addWorkingDays(start, days).at;
          const pausedAt = new Date(
            start.getTime() + Math.floor(pauseShare * (deadline.getTime() - start.getTime())),
          );
          const resumedAt = new Date(pausedAt.getTime() + pauseLength);
          const left = calendar.remainingWorkingTime(pausedAt, deadline).ms;
          const resumedDeadline = calendar.addWorkingTime(resumedAt, left).at;
          expect(resumedDeadline.getTime()).toBeGreaterThanOrEqual(deadline.getTime());
          // A zero-length pause changes nothing.
          expect(calendar.addWorkingTime(pausedAt, left).at).toEqual(deadline);
        },
      ),
      RUNS,
    );
  });

  it('adding office time then measuring it gives it back', () => {
    fc.assert(
      fc.property(covered, fc.integer({ min: 0, max: 200 * HOUR }), (start, ms) => {
        const end = calendar.addWorkingTime(start, ms).at;
        expect(calendar.workingTimeBetween(start, end).ms).toBe(ms);
        // Earliest such instant: a moment earlier, less office time has passed.
        if (ms > 0) expect(calendar.workingTimeBetween(start, new Date(end.getTime() - 1)).ms).toBe(ms - 1);
      }),
      RUNS,
    );
  });

  it('office time over consecutive intervals adds up', () => {
    fc.assert(
      fc.property(
        covered,
        fc.integer({ min: 0, max: 40 * DAY }),
        fc.integer({ min: 0, max: 40 * DAY }),
        (a, x, y) => {
          const b = new Date(a.getTime() + x);
          const c = new Date(b.getTime() + y);
          const whole = calendar.workingTimeBetween(a, c).ms;
          expect(whole).toBe(calendar.workingTimeBetween(a, b).ms + calendar.workingTimeBetween(b, c).ms);
          expect(whole).toBeLessThanOrEqual(x + y);
        },
      ),
      RUNS,
    );
  });
});

describe('coverage flag', () => {
  it('a deadline is flagged exactly when it falls in the undecreed year 2027', () => {
    const lateIn2026 = instantBetween('2026-10-01 00:00', '2027-01-01 00:00');
    fc.assert(
      fc.property(lateIn2026, fc.integer({ min: 0, max: 40 }), (start, days) => {
        const result = calendar.addWorkingDays(start, days);
        const in2027 = result.at.getTime() >= jakartaWallTime('2027-01-01 00:00').getTime();
        expect(result.uncovered).toBe(in2027);
        expect(result.uncoveredYears).toEqual(in2027 ? [2027] : []);
      }),
      RUNS,
    );
  });
});
