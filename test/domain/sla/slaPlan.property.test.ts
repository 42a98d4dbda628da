// Invariants of SLA plans under random starts and pause histories (2025–2026, fully covered).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadHolidayCalendar } from '../../../src/domain/calendar/holidayFile.js';
import { jakartaWallTime } from '../../../src/domain/calendar/jakartaTime.js';
import { createWorkingCalendar } from '../../../src/domain/calendar/workingCalendar.js';
import {
  type CheckpointKind,
  remainingSlaTime,
  type SlaPlan,
  slaPlan,
} from '../../../src/domain/sla/slaPlan.js';
import type { Pause } from '../../../src/domain/sla/stageClock.js';

const data = await loadHolidayCalendar(new URL('../../../data/holidays-id.yaml', import.meta.url));
const calendar = createWorkingCalendar(data);
const RUNS = { numRuns: 250 };
const DAY = 86_400_000;

const start = fc
  .integer({
    min: jakartaWallTime('2025-01-01 00:00').getTime(),
    max: jakartaWallTime('2026-08-01 00:00').getTime(),
  })
  .map((ms) => new Date(ms));
const workingDays = fc.integer({ min: 1, max: 15 });
const escalation = fc.record({
  reminderAt: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
  secondLevelAfter: fc.oneof(
    fc.integer({ min: 1, max: 5 }).map((days) => ({ workingDays: days })),
    fc.constantFrom('PT1H', 'P1D', 'PT30M'),
  ),
});

/** Closed pauses as (gap before, length) steps after the start, possibly zero-length. */
const pauseSteps = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 6 * DAY }), fc.integer({ min: 0, max: 6 * DAY })),
  { maxLength: 4 },
);
const pausesFrom = (startMs: number, steps: readonly (readonly [number, number])[]): Pause[] => {
  let cursor = startMs;
  return steps.map(([gap, length], index) => {
    const from = cursor + gap;
    cursor = from + length;
    return { from: new Date(from), to: new Date(cursor), reason: `revision ${index + 1}` };
  });
};

const atOf = (plan: SlaPlan, kind: CheckpointKind): number => {
  const checkpoint = plan.checkpoints.find((candidate) => candidate.kind === kind);
  if (!checkpoint) throw new Error(`no ${kind} checkpoint`);
  return Date.parse(checkpoint.at);
};

describe('slaPlan invariants', () => {
  it('without pauses the breach is the working-day deadline', () => {
    fc.assert(
      fc.property(start, workingDays, (startedAt, days) => {
        const plan = slaPlan(calendar, { startedAt, sla: { workingDays: days } });
        expect(plan.deadline).toBe(calendar.addWorkingDays(startedAt, days).at.toISOString());
      }),
      RUNS,
    );
  });

  it('pauses never make any checkpoint earlier, and checkpoints stay in order', () => {
    fc.assert(
      fc.property(start, workingDays, escalation, pauseSteps, (startedAt, days, policy, steps) => {
        const stage = { startedAt, sla: { workingDays: days }, escalation: policy };
        const unpaused = slaPlan(calendar, stage);
        const paused = slaPlan(calendar, { ...stage, pauses: pausesFrom(startedAt.getTime(), steps) });
        expect(paused.checkpoints.map((checkpoint) => checkpoint.kind)).toEqual([
          'reminder',
          'breach',
          'secondLevel',
        ]);
        for (const kind of ['reminder', 'breach', 'secondLevel'] as const) {
          expect(atOf(paused, kind)).toBeGreaterThanOrEqual(atOf(unpaused, kind));
        }
        const times = paused.checkpoints.map((checkpoint) => Date.parse(checkpoint.at));
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }),
      RUNS,
    );
  });

  it('the breach is the first instant at which the whole budget has run, pauses excluded', () => {
    fc.assert(
      fc.property(start, workingDays, pauseSteps, (startedAt, days, steps) => {
        const stage = {
          startedAt,
          sla: { workingDays: days },
          pauses: pausesFrom(startedAt.getTime(), steps),
        };
        const breach = atOf(slaPlan(calendar, stage), 'breach');
        expect(remainingSlaTime(calendar, stage, breach).remainingMs).toBe(0);
        expect(remainingSlaTime(calendar, stage, breach - 1).remainingMs).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('a drill SLA breaches after its duration plus the pauses that began before the breach', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 10 * DAY }), pauseSteps, (startedAt, ms, steps) => {
        const pauses = pausesFrom(startedAt.getTime(), steps);
        const plan = slaPlan(calendar, { startedAt, sla: `PT${ms / 1000}S`, pauses });
        const breach = atOf(plan, 'breach');
        const paused = pauses
          .filter((pause) => (pause.from as Date).getTime() < breach)
          .reduce((sum, pause) => sum + ((pause.to as Date).getTime() - (pause.from as Date).getTime()), 0);
        expect(breach - startedAt.getTime() - paused).toBe(ms);
      }),
      RUNS,
    );
  });

  it('an open pause holds the remaining time that a resumption then uses', () => {
    fc.assert(
      fc.property(
        start,
        workingDays,
        fc.integer({ min: 0, max: 10 * DAY }),
        fc.integer({ min: 0, max: 10 * DAY }),
        (startedAt, days, pauseAfter, pauseLength) => {
          const stage = { startedAt, sla: { workingDays: days } };
          const from = new Date(startedAt.getTime() + pauseAfter);
          const open = slaPlan(calendar, { ...stage, pauses: [{ from, reason: 'revisi' }] });
          expect(open.paused).toBe(true);
          const closed = slaPlan(calendar, {
            ...stage,
            pauses: [{ from, to: new Date(from.getTime() + pauseLength), reason: 'revisi' }],
          });
          const resumedAt = from.getTime() + pauseLength;
          if (open.deadline === null) {
            // Not yet breached when paused: the remaining time runs from the resumption.
            const expected = calendar.addWorkingTime(new Date(resumedAt), open.remainingMs ?? -1).at;
            expect(closed.deadline).toBe(expected.toISOString());
          } else {
            expect(open.remainingMs).toBe(0);
            expect(closed.deadline).toBe(open.deadline);
          }
          expect(JSON.parse(JSON.stringify(closed))).toEqual(closed);
        },
      ),
      RUNS,
    );
  });
});
