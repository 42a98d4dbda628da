// Hand-checked cases against the official 2025 and 2026 calendars (data/holidays-id.yaml).
// Each comment walks the calendar day by day; weekdays were checked against a printed calendar.
// Default office hours: Mon–Thu 07:30–16:00, Fri 07:30–16:30 WIB.

import { describe, expect, it } from 'vitest';
import { CalendarDataError } from '../../../src/domain/calendar/calendarDataError.js';
import { loadHolidayCalendar } from '../../../src/domain/calendar/holidayFile.js';
import { formatJakarta, jakartaWallTime } from '../../../src/domain/calendar/jakartaTime.js';
import { createWorkingCalendar } from '../../../src/domain/calendar/workingCalendar.js';

const data = await loadHolidayCalendar(new URL('../../../data/holidays-id.yaml', import.meta.url));
const calendar = createWorkingCalendar(data);
const wib = jakartaWallTime;
const HOUR = 3_600_000;
const MINUTE = 60_000;

interface DeadlineCase {
  name: string;
  start: string;
  days: number;
  due: string;
  uncoveredYears?: number[];
}

const deadlineCases: DeadlineCase[] = [
  {
    // The worked example of the domain notes. Start day Tue 17 Mar. 18 cuti Nyepi, 19 Nyepi,
    // 20 cuti Idulfitri, 21–22 Idulfitri (weekend anyway), 23–24 cuti Idulfitri.
    // Working days after: Wed 25 (1), Thu 26 (2), Fri 27 (3), Mon 30 (4), Tue 31 (5).
    name: 'worked example: complete Tue 2026-03-17, 5 days',
    start: '2026-03-17 10:00',
    days: 5,
    due: 'Tue 2026-03-31 16:00 WIB',
  },
  {
    // Exactly at close still belongs to Tue 17 (close is the last office instant): same as above.
    name: 'arrival exactly at close counts for that day',
    start: '2026-03-17 16:00',
    days: 5,
    due: 'Tue 2026-03-31 16:00 WIB',
  },
  {
    // One minute after close: start day is the next working day, Wed 25 Mar (18–24 off).
    // Then Thu 26 (1), Fri 27 (2), Mon 30 (3), Tue 31 (4), Wed 1 Apr (5).
    name: 'arrival after close on Tue 2026-03-17 counts from Wed 2026-03-25',
    start: '2026-03-17 16:01',
    days: 5,
    due: 'Wed 2026-04-01 16:00 WIB',
  },
  {
    // Arrival on a cuti bersama day (Wed 18 Mar 2026): start day Wed 25 Mar.
    // Thu 26 (1), Fri 27 (2) → Friday close 16:30.
    name: 'arrival during Idulfitri 2026 leave, 2 days, Friday close',
    start: '2026-03-18 10:00',
    days: 2,
    due: 'Fri 2026-03-27 16:30 WIB',
  },
  {
    // Thu 27 Mar 2025 is a normal working day. After it: Fri 28 cuti Nyepi, Sat 29 Nyepi, Sun 30,
    // Mon 31 + Tue 1 Apr Idulfitri, Wed 2–Fri 4 cuti, Sat 5, Sun 6, Mon 7 cuti → Tue 8 Apr (1).
    name: 'Idulfitri 2025: Thu 2025-03-27 in office hours, 1 day',
    start: '2025-03-27 10:00',
    days: 1,
    due: 'Tue 2025-04-08 16:00 WIB',
  },
  {
    // Same Thursday but 17:00, after close: start day Tue 8 Apr, then Wed 9 Apr (1).
    name: 'Idulfitri 2025: Thu 2025-03-27 after close, 1 day',
    start: '2025-03-27 17:00',
    days: 1,
    due: 'Wed 2025-04-09 16:00 WIB',
  },
  {
    // Wed 2 Apr 2025 is cuti bersama: start day Tue 8 Apr. Wed 9 (1), Thu 10 (2), Fri 11 (3).
    name: 'Idulfitri 2025: arrival on a leave day, 3 days',
    start: '2025-04-02 09:00',
    days: 3,
    due: 'Fri 2025-04-11 16:30 WIB',
  },
  {
    // Fri 11 Apr 2025 at 16:15 is still office time (Friday closes 16:30): start day Fri 11,
    // then Mon 14 (1).
    name: 'Friday 16:15 is inside the later Friday hours',
    start: '2025-04-11 16:15',
    days: 1,
    due: 'Mon 2025-04-14 16:00 WIB',
  },
  {
    // Thu 10 Apr 2025 at 16:15 is after Thursday close: start day Fri 11, then Mon 14 (1).
    // Same deadline as the Friday 16:15 arrival above.
    name: 'Thursday 16:15 is after close',
    start: '2025-04-10 16:15',
    days: 1,
    due: 'Mon 2025-04-14 16:00 WIB',
  },
  {
    // 06:00 is before opening on Mon 16 Mar 2026: start day is Mon 16 itself, then Tue 17 (1).
    name: 'arrival before opening counts from the same day',
    start: '2026-03-16 06:00',
    days: 1,
    due: 'Tue 2026-03-17 16:00 WIB',
  },
  {
    // Sat 28 Mar 2026: start day Mon 30, then Tue 31 (1).
    name: 'weekend arrival',
    start: '2026-03-28 11:00',
    days: 1,
    due: 'Tue 2026-03-31 16:00 WIB',
  },
  {
    // Wed 24 Dec 2025 is a working day (cuti bersama is 26 Dec). Thu 25 Christmas, Fri 26 cuti,
    // Sat 27, Sun 28 → Mon 29 (1), Tue 30 (2).
    name: 'Christmas 2025',
    start: '2025-12-24 10:00',
    days: 2,
    due: 'Tue 2025-12-30 16:00 WIB',
  },
  {
    // Tue 30 Dec 2025 → Wed 31 (1), Thu 1 Jan 2026 New Year, Fri 2 (2), Mon 5 (3). Both years covered.
    name: 'year end 2025 into 2026 (covered)',
    start: '2025-12-30 10:00',
    days: 3,
    due: 'Mon 2026-01-05 16:00 WIB',
  },
  {
    // Wed 23 Dec 2026 → Thu 24 cuti, Fri 25 Christmas, Sat 26, Sun 27 → Mon 28 (1), Tue 29 (2).
    name: 'Christmas 2026',
    start: '2026-12-23 10:00',
    days: 2,
    due: 'Tue 2026-12-29 16:00 WIB',
  },
  {
    // Mon 28 Dec 2026 → Tue 29 (1), Wed 30 (2), Thu 31 (3): stays in 2026, nothing of 2027 consulted.
    name: 'last working day of 2026 is covered',
    start: '2026-12-28 10:00',
    days: 3,
    due: 'Thu 2026-12-31 16:00 WIB',
  },
  {
    // Mon 28 Dec 2026 → Tue 29 (1), Wed 30 (2), Thu 31 (3), Fri 1 Jan 2027 (4: no 2027 data, a
    // weekday counts as working in the estimate), Mon 4 Jan 2027 (5) → flagged uncovered.
    name: 'crossing into 2027 is a flagged estimate',
    start: '2026-12-28 10:00',
    days: 5,
    due: 'Mon 2027-01-04 16:00 WIB',
    uncoveredYears: [2027],
  },
];

describe('addWorkingDays: hand-checked deadlines', () => {
  it.each(deadlineCases)('$name', ({ start, days, due, uncoveredYears = [] }) => {
    const result = calendar.addWorkingDays(wib(start), days);
    expect(formatJakarta(result.at)).toBe(due);
    expect(result.uncoveredYears).toEqual(uncoveredYears);
    expect(result.uncovered).toBe(uncoveredYears.length > 0);
  });

  it('0 days is the close of the start day', () => {
    expect(formatJakarta(calendar.addWorkingDays(wib('2026-03-27 08:00'), 0).at)).toBe(
      'Fri 2026-03-27 16:30 WIB',
    );
    // After close on Fri 27 Mar 2026 → Mon 30 Mar.
    expect(formatJakarta(calendar.addWorkingDays(wib('2026-03-27 16:31'), 0).at)).toBe(
      'Mon 2026-03-30 16:00 WIB',
    );
  });

  it('rejects negative or fractional day counts and invalid dates', () => {
    expect(() => calendar.addWorkingDays(wib('2026-03-17 10:00'), -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(wib('2026-03-17 10:00'), 1.5)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(new Date(Number.NaN), 1)).toThrow(/valid Date/);
  });
});

describe('isWorkingTime / isWorkingDay', () => {
  it.each([
    ['2026-03-27 16:15', true], // Friday closes 16:30
    ['2026-03-26 16:15', false], // Thursday closes 16:00
    ['2026-03-26 16:00', true], // close itself is the last office instant
    ['2026-03-26 07:29', false], // before opening
    ['2026-03-26 07:30', true],
    ['2026-03-28 10:00', false], // Saturday
    ['2026-03-19 10:00', false], // Nyepi
    ['2025-12-26 10:00', false], // cuti bersama Christmas 2025
    ['2025-12-24 10:00', true], // Christmas Eve 2025 is a working day
    ['2026-12-24 10:00', false], // but in 2026 it is cuti bersama
  ])('%s → %s', (text, expected) => {
    const result = calendar.isWorkingTime(wib(text));
    expect(result).toEqual({ working: expected, uncovered: false, uncoveredYears: [] });
  });

  it('a weekday of 2027 is a flagged estimate, a weekend day of 2027 needs no data', () => {
    expect(calendar.isWorkingTime(wib('2027-01-01 10:00'))).toEqual({
      working: true,
      uncovered: true,
      uncoveredYears: [2027],
    });
    expect(calendar.isWorkingDay(wib('2027-01-02 10:00'))).toEqual({
      working: false,
      uncovered: false,
      uncoveredYears: [],
    });
  });

  it('isWorkingDay ignores the hour', () => {
    expect(calendar.isWorkingDay(wib('2026-03-25 23:59')).working).toBe(true);
    expect(calendar.isWorkingDay(wib('2026-03-24 12:00')).working).toBe(false);
  });
});

describe('working time', () => {
  it('adds office time across a weekend (resuming a paused clock)', () => {
    // Fri 27 Mar 2026 14:00–16:30 uses 2h30 of 7h30; the other 5h run from Mon 30 Mar 07:30 → 12:30.
    const result = calendar.addWorkingTime(wib('2026-03-27 14:00'), 7.5 * HOUR);
    expect(formatJakarta(result.at)).toBe('Mon 2026-03-30 12:30 WIB');
  });

  it('a remainder that ends exactly at close lands on that close, not the next opening', () => {
    // Thu 26 Mar 2026 10:00 + 6 h = 16:00, the close.
    expect(formatJakarta(calendar.addWorkingTime(wib('2026-03-26 10:00'), 6 * HOUR).at)).toBe(
      'Thu 2026-03-26 16:00 WIB',
    );
  });

  it('adding office time from outside office hours starts at the next opening', () => {
    // Tue 17 Mar 2026 18:00 → next office time is Wed 25 Mar 07:30; + 30 min = 08:00.
    expect(formatJakarta(calendar.addWorkingTime(wib('2026-03-17 18:00'), 30 * MINUTE).at)).toBe(
      'Wed 2026-03-25 08:00 WIB',
    );
    expect(calendar.addWorkingTime(wib('2026-03-17 18:00'), 0).at).toEqual(wib('2026-03-17 18:00'));
  });

  it('measures office time around Christmas 2025', () => {
    // Fri 19 Dec 07:30–16:30 = 9 h; Mon 22, Tue 23, Wed 24: 8 h 30 each = 25 h 30;
    // Thu 25 Christmas, Fri 26 cuti; Mon 29 at 07:30 adds nothing. Total 34 h 30.
    const result = calendar.workingTimeBetween(wib('2025-12-19 07:30'), wib('2025-12-29 07:30'));
    expect(result).toEqual({ ms: 34.5 * HOUR, uncovered: false, uncoveredYears: [] });
  });

  it('remaining time before the worked-example deadline', () => {
    // From Fri 27 Mar 2026 12:00: Fri 4 h 30, Mon 30 8 h 30, Tue 31 8 h 30 = 21 h 30.
    const deadline = wib('2026-03-31 16:00');
    expect(calendar.remainingWorkingTime(wib('2026-03-27 12:00'), deadline).ms).toBe(21.5 * HOUR);
    expect(calendar.remainingWorkingTime(wib('2026-04-01 08:00'), deadline).ms).toBe(0);
  });

  it('flags office time measured into 2027', () => {
    // Thu 31 Dec 2026 15:00–16:00 = 1 h; Fri 1 Jan 2027 estimated a working day: 9 h.
    const result = calendar.workingTimeBetween(wib('2026-12-31 15:00'), wib('2027-01-02 00:00'));
    expect(result).toEqual({ ms: 10 * HOUR, uncovered: true, uncoveredYears: [2027] });
  });

  it('rejects reversed intervals and bad amounts', () => {
    expect(() => calendar.workingTimeBetween(wib('2026-03-27 12:00'), wib('2026-03-27 11:00'))).toThrow(
      RangeError,
    );
    expect(() => calendar.addWorkingTime(wib('2026-03-27 12:00'), -1)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days whose close has passed after the start day', () => {
    // Start day Tue 17 Mar 2026; closes passed by Mon 30 Mar 17:00: 25, 26, 27, 30 → 4.
    expect(calendar.workingDaysBetween(wib('2026-03-17 10:00'), wib('2026-03-30 17:00')).days).toBe(4);
    // Mon 30 Mar 15:59 is before that day's close: 3.
    expect(calendar.workingDaysBetween(wib('2026-03-17 10:00'), wib('2026-03-30 15:59')).days).toBe(3);
    // Same day: nothing elapsed.
    expect(calendar.workingDaysBetween(wib('2026-03-17 10:00'), wib('2026-03-17 16:00')).days).toBe(0);
  });
});

describe('configuration', () => {
  it('takes office hours per weekday, keeping defaults for the rest', () => {
    const saturdays = createWorkingCalendar({
      ...data,
      officeHours: { sat: { open: '08:00', close: '12:00' } },
    });
    // Fri 27 Mar 2026 after Friday close → Sat 28 is now a working day (start day), + 1 → Mon 30.
    expect(formatJakarta(saturdays.addWorkingDays(wib('2026-03-27 17:00'), 1).at)).toBe(
      'Mon 2026-03-30 16:00 WIB',
    );
    expect(formatJakarta(saturdays.addWorkingDays(wib('2026-03-27 10:00'), 1).at)).toBe(
      'Sat 2026-03-28 12:00 WIB',
    );
    expect(saturdays.officeHours.mon).toEqual({ open: '07:30', close: '16:00' });
  });

  it('rejects malformed office hours with the path of the problem', () => {
    expect(() =>
      createWorkingCalendar({ ...data, officeHours: { mon: { open: '7:30', close: '16:00' } } }),
    ).toThrow(/officeHours: mon\.open: expected a time 'HH:MM'/);
    expect(() =>
      createWorkingCalendar({ ...data, officeHours: { fri: { open: '16:00', close: '08:00' } } }),
    ).toThrow(/fri\.close: close must be later than open/);
    const allClosed = { sun: null, mon: null, tue: null, wed: null, thu: null, fri: null, sat: null };
    expect(() => createWorkingCalendar({ ...data, officeHours: allClosed })).toThrow(/at least one weekday/);
  });

  it('rejects holidays outside the covered years', () => {
    const build = () => createWorkingCalendar({ coveredYears: [2026], holidays: [{ date: '2027-01-01' }] });
    expect(build).toThrow(CalendarDataError);
    expect(build).toThrow(/holidays\[0\]\.date: 2027-01-01 is in a year not in coveredYears/);
    expect(() => createWorkingCalendar({ coveredYears: [2026], holidays: [{ date: '2026-02-30' }] })).toThrow(
      /holidays\[0\]\.date: not a valid date/,
    );
  });

  it('a later decree moving a holiday is just new data', () => {
    // Pretend Idulfitri leave on Tue 24 Mar 2026 were cancelled: the worked example ends a day earlier.
    const moved = createWorkingCalendar({
      coveredYears: data.coveredYears,
      holidays: data.holidays.filter((holiday) => holiday.date !== '2026-03-24'),
    });
    expect(formatJakarta(moved.addWorkingDays(wib('2026-03-17 10:00'), 5).at)).toBe(
      'Mon 2026-03-30 16:00 WIB',
    );
  });
});
