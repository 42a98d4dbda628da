// Hand-checked SLA plans. Office hours Mon–Thu 07:30–16:00 (8 h 30), Fri 07:30–16:30 (9 h) WIB.
// 2026: 18–24 Mar off (Nyepi, Idulfitri and their cuti bersama); Fri 3 Apr Good Friday.

import { describe, expect, it } from 'vitest';
import { loadHolidayCalendar } from '../../../src/domain/calendar/holidayFile.js';
import { formatJakarta, jakartaWallTime } from '../../../src/domain/calendar/jakartaTime.js';
import { createWorkingCalendar } from '../../../src/domain/calendar/workingCalendar.js';
import {
  type Checkpoint,
  checkpointsAfterPause,
  remainingSlaTime,
  type StageSla,
  slaPlan,
} from '../../../src/domain/sla/slaPlan.js';

const data = await loadHolidayCalendar(new URL('../../../data/holidays-id.yaml', import.meta.url));
const calendar = createWorkingCalendar(data);
const wib = jakartaWallTime;
const HOUR = 3_600_000;

/** Checkpoints as `kind @ Jakarta time` for readable expectations. */
const ladder = (checkpoints: readonly Checkpoint[]) =>
  checkpoints.map((checkpoint) => `${checkpoint.kind} @ ${formatJakarta(new Date(checkpoint.at))}`);

// The worked example with a reminder at half the SLA and a second level 2 working days later.
// Budget: Tue 17 10:00–16:00 = 6 h, then Wed 25, Thu 26 (8 h 30 each), Fri 27 (9 h), Mon 30,
// Tue 31 (8 h 30 each) = 43 h: 49 h in all.
const workedExample: StageSla = {
  startedAt: wib('2026-03-17 10:00'),
  sla: { workingDays: 5 },
  escalation: { reminderAt: 0.5, secondLevelAfter: { workingDays: 2 } },
};

describe('slaPlan without pauses', () => {
  it('plans the worked example', () => {
    const plan = slaPlan(calendar, workedExample);
    expect(plan.budgetMs).toBe(49 * HOUR);
    // Reminder at 24 h 30: Tue 6 h (18 h 30 left), Wed 8 h 30 (10 h left), Thu 8 h 30 (1 h 30 left)
    // → Fri 27 07:30 + 1 h 30 = 09:00. Breach: close of Tue 31. Second level: Wed 1 Apr (1),
    // Thu 2 Apr (2) at close.
    expect(ladder(plan.checkpoints)).toEqual([
      'reminder @ Fri 2026-03-27 09:00 WIB',
      'breach @ Tue 2026-03-31 16:00 WIB',
      'secondLevel @ Thu 2026-04-02 16:00 WIB',
    ]);
    expect(plan).toMatchObject({
      clock: 'workingTime',
      startedAt: '2026-03-17T03:00:00.000Z',
      deadline: '2026-03-31T09:00:00.000Z',
      paused: false,
      pausedSince: null,
      remainingMs: null,
      pauseCount: 0,
      uncovered: false,
      uncoveredYears: [],
    });
  });

  it('is plain JSON (instants as ISO-8601 UTC strings)', () => {
    const plan = slaPlan(calendar, workedExample);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    // Inputs may come back from a Temporal payload as strings or epoch ms.
    const fromPayload = slaPlan(calendar, { ...workedExample, startedAt: '2026-03-17T03:00:00.000Z' });
    expect(fromPayload).toEqual(plan);
    expect(slaPlan(calendar, { ...workedExample, startedAt: wib('2026-03-17 10:00').getTime() })).toEqual(
      plan,
    );
  });

  it('runs a drill SLA on plain elapsed time', () => {
    const start = wib('2026-03-19 10:00:00'); // Nyepi: irrelevant to an ISO duration
    const plan = slaPlan(calendar, {
      startedAt: start,
      sla: 'PT20S',
      escalation: { reminderAt: 0.5, secondLevelAfter: 'PT10S' },
    });
    expect(plan.clock).toBe('elapsed');
    expect(plan.checkpoints.map((checkpoint) => Date.parse(checkpoint.at) - start.getTime())).toEqual([
      10_000, 20_000, 30_000,
    ]);
  });

  it('counts a working-day second level from a duration breach like any deadline', () => {
    // P2D from Tue 17 Mar 10:00 → Thu 19 Mar 10:00 (Nyepi). One working day after it:
    // start day Wed 25 (the next working day), + 1 → Thu 26 at close.
    const plan = slaPlan(calendar, {
      startedAt: wib('2026-03-17 10:00'),
      sla: { duration: 'P2D' },
      escalation: { secondLevelAfter: { workingDays: 1 } },
    });
    expect(ladder(plan.checkpoints)).toEqual([
      'breach @ Thu 2026-03-19 10:00 WIB',
      'secondLevel @ Thu 2026-03-26 16:00 WIB',
    ]);
  });

  it('flags every checkpoint whose SLA reaches into 2027', () => {
    // Mon 28 Dec 2026 10:00 + 5 days: Tue 29, Wed 30, Thu 31, Fri 1 Jan 2027 (estimated), Mon 4 Jan.
    // Budget 6 + 8.5 × 3 + 9 + 8.5 = 49 h; reminder at 20 % = 9 h 48: Mon 6 h, Tue 07:30 + 3 h 48
    // = 11:18. The reminder lies in 2026 but its amount depends on 2027's days: flagged too.
    const plan = slaPlan(calendar, {
      startedAt: wib('2026-12-28 10:00'),
      sla: { workingDays: 5 },
      escalation: { reminderAt: 0.2 },
    });
    expect(ladder(plan.checkpoints)).toEqual([
      'reminder @ Tue 2026-12-29 11:18 WIB',
      'breach @ Mon 2027-01-04 16:00 WIB',
    ]);
    expect(plan.checkpoints.every((checkpoint) => checkpoint.uncovered)).toBe(true);
    expect(plan).toMatchObject({ uncovered: true, uncoveredYears: [2027] });
  });
});

describe('pauses', () => {
  // Revision requested Thu 26 Mar 10:00, resubmitted Mon 30 Mar 13:00.
  // Used before the pause: Tue 6 h + Wed 8 h 30 + Thu 07:30–10:00 2 h 30 = 17 h; 32 h left.
  const revision = {
    from: wib('2026-03-26 10:00'),
    to: wib('2026-03-30 13:00'),
    reason: 'gambar denah kurang',
  };

  it('resumes with the working time that was left', () => {
    const plan = slaPlan(calendar, { ...workedExample, pauses: [revision] });
    // Reminder (24 h 30): 7 h 30 after resuming: Mon 13:00–16:00 3 h, Tue 31 07:30 + 4 h 30 = 12:00.
    // Breach (32 h left): Mon 3 h (29), Tue 31 8 h 30 (20 h 30), Wed 1 Apr (12), Thu 2 Apr (3 h 30),
    // Fri 3 Apr Good Friday, Mon 6 Apr 07:30 + 3 h 30 = 11:00.
    // Second level: start day Mon 6 Apr (in office hours), Tue 7 (1), Wed 8 (2) at close.
    expect(ladder(plan.checkpoints)).toEqual([
      'reminder @ Tue 2026-03-31 12:00 WIB',
      'breach @ Mon 2026-04-06 11:00 WIB',
      'secondLevel @ Wed 2026-04-08 16:00 WIB',
    ]);
    expect(plan.pauseCount).toBe(1);
    expect(checkpointsAfterPause(calendar, workedExample, revision)).toEqual(plan.checkpoints);
  });

  it('an open pause stops the deadline and reports the time left', () => {
    const plan = slaPlan(calendar, {
      ...workedExample,
      pauses: [{ from: revision.from, reason: revision.reason }],
    });
    expect(plan).toMatchObject({
      paused: true,
      pausedSince: '2026-03-26T03:00:00.000Z',
      remainingMs: 32 * HOUR,
      deadline: null,
      checkpoints: [],
    });
  });

  it('keeps checkpoints already reached before an open pause', () => {
    // Pause from Fri 27 10:00: used 6 + 8.5 + 8.5 + 2.5 = 25 h 30 > 24 h 30, so the reminder (Fri 09:00)
    // has fired; 23 h 30 left.
    const plan = slaPlan(calendar, {
      ...workedExample,
      pauses: [{ from: wib('2026-03-27 10:00'), to: null, reason: 'menunggu pembayaran' }],
    });
    expect(ladder(plan.checkpoints)).toEqual(['reminder @ Fri 2026-03-27 09:00 WIB']);
    expect(plan.remainingMs).toBe(23.5 * HOUR);
  });

  it('a pause after the breach moves nothing (an overdue file cannot dodge escalation)', () => {
    const late = { from: wib('2026-04-01 10:00'), to: wib('2026-04-10 10:00'), reason: 'klarifikasi' };
    const expected = ladder(slaPlan(calendar, workedExample).checkpoints);
    expect(ladder(slaPlan(calendar, { ...workedExample, pauses: [late] }).checkpoints)).toEqual(expected);
    const open = slaPlan(calendar, { ...workedExample, pauses: [{ from: late.from, reason: late.reason }] });
    expect(open).toMatchObject({ paused: true, remainingMs: 0, deadline: '2026-03-31T09:00:00.000Z' });
    expect(ladder(open.checkpoints)).toEqual(expected);
  });

  it('a pause outside office hours moves nothing', () => {
    // Fri 27 Mar 17:00 → Mon 30 Mar 07:00: no office time inside.
    const weekend = { from: wib('2026-03-27 17:00'), to: wib('2026-03-30 07:00'), reason: 'x' };
    expect(checkpointsAfterPause(calendar, workedExample, weekend)).toEqual(
      slaPlan(calendar, workedExample).checkpoints,
    );
  });

  it('pauses a drill SLA by its wall-clock length', () => {
    // PT20S from t; pause t+4 s … t+9 s. Reminder at 10 s of clock: 4 s, then 6 s from t+9 s = t+15 s.
    // Breach: 16 s left at t+9 s → t+25 s. Second level PT10S after → t+35 s.
    const start = Date.parse('2026-05-05T01:00:00Z');
    const plan = slaPlan(calendar, {
      startedAt: start,
      sla: { duration: 'PT20S' },
      escalation: { reminderAt: 0.5, secondLevelAfter: 'PT10S' },
      pauses: [{ from: start + 4_000, to: start + 9_000, reason: 'drill' }],
    });
    expect(plan.checkpoints.map((checkpoint) => Date.parse(checkpoint.at) - start)).toEqual([
      15_000, 25_000, 35_000,
    ]);
  });
});

describe('remainingSlaTime', () => {
  it('tells where the clock stands', () => {
    // Fri 27 Mar 12:00, no pause: used 6 + 8.5 + 8.5 + 4.5 = 27 h 30 of 49 h → 21 h 30 left.
    expect(remainingSlaTime(calendar, workedExample, wib('2026-03-27 12:00'))).toEqual({
      remainingMs: 21.5 * HOUR,
      consumedMs: 27.5 * HOUR,
      budgetMs: 49 * HOUR,
      paused: false,
      breached: false,
      uncovered: false,
      uncoveredYears: [],
    });
  });

  it('stands still during a pause and reports a breach', () => {
    const revision = { from: wib('2026-03-26 10:00'), to: wib('2026-03-30 13:00'), reason: 'revisi' };
    const stage = { ...workedExample, pauses: [revision] };
    expect(remainingSlaTime(calendar, stage, wib('2026-03-28 10:00'))).toMatchObject({
      remainingMs: 32 * HOUR,
      paused: true,
    });
    expect(remainingSlaTime(calendar, stage, wib('2026-04-06 11:00'))).toMatchObject({
      remainingMs: 0,
      paused: false,
      breached: true,
    });
  });
});

describe('input checks', () => {
  const start = wib('2026-03-17 10:00');
  const pause = (from: string, to: string | null, reason = 'revisi') => ({
    from: wib(from),
    to: to && wib(to),
    reason,
  });

  it.each([
    [[pause('2026-03-16 10:00', '2026-03-25 10:00')], /pauses\[0\]\.from: before the stage started/],
    [
      [pause('2026-03-25 10:00', '2026-03-26 10:00'), pause('2026-03-26 09:00', '2026-03-27 10:00')],
      /pauses\[1\]\.from: before pauses\[0\] ended/,
    ],
    [[pause('2026-03-25 10:00', '2026-03-25 09:00')], /pauses\[0\]\.to: before its from/],
    [[pause('2026-03-25 10:00', null), pause('2026-03-26 10:00', null)], /pauses\[1\]: only the last pause/],
    [[pause('2026-03-25 10:00', '2026-03-26 10:00', ' ')], /pauses\[0\]\.reason: every pause needs a reason/],
  ])('rejects bad pauses (%#)', (pauses, message) => {
    expect(() => slaPlan(calendar, { startedAt: start, sla: { workingDays: 5 }, pauses })).toThrow(message);
  });

  it('rejects instants that would be read in host-local time', () => {
    expect(() => slaPlan(calendar, { startedAt: '2026-03-17T10:00:00', sla: { workingDays: 5 } })).toThrow(
      /startedAt: expected a Date, an ISO-8601 instant with offset/,
    );
    expect(() =>
      slaPlan(calendar, { startedAt: '2026-03-17T10:00:00+07:00', sla: { workingDays: 5 } }),
    ).not.toThrow();
  });
});
