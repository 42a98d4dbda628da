// The escalation ladder of one stage as instants: reminder, breach (the deadline) and the
// second-level alert, recomputed from the stage's start, SLA and pauses. A workflow gets the
// plan from a (local) activity and waits toward the next checkpoint; the output is plain JSON
// (instants as ISO-8601 UTC strings, durations as ms) because it crosses the Temporal boundary.

import { type Coverage, mergeCoverage } from '../calendar/coverage.js';
import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import {
  type EscalationPolicy,
  normalizeEscalationPolicy,
  normalizeSlaSpec,
  type SlaSpec,
} from './slaSpec.js';
import {
  clockMeasure,
  consumedAt,
  type InstantInput,
  instantAtConsumed,
  type Pause,
  runningClock,
  slaBudget,
  toEpochMs,
} from './stageClock.js';

export type CheckpointKind = 'reminder' | 'breach' | 'secondLevel';

export interface Checkpoint {
  kind: CheckpointKind;
  /** ISO-8601 UTC instant, e.g. `2026-03-31T09:00:00.000Z` (16:00 WIB). */
  at: string;
  /** The instant is a weekends-only estimate for a year without holiday data. */
  uncovered: boolean;
}

export interface StageSla {
  startedAt: InstantInput;
  sla: SlaSpec;
  escalation?: EscalationPolicy;
  /** In chronological order; only the last may be open. */
  pauses?: readonly Pause[];
}

export interface SlaPlan extends Coverage {
  /** What the clock counts: office time (working-day SLA) or elapsed time (ISO duration). */
  clock: 'workingTime' | 'elapsed';
  startedAt: string;
  /** Clock time the SLA grants, in ms. */
  budgetMs: number;
  /** The breach instant; null while an open pause holds the clock before it. */
  deadline: string | null;
  paused: boolean;
  /** Start of the open pause, if any. */
  pausedSince: string | null;
  /** While paused: clock time left before breach (0 once breached). Null while running. */
  remainingMs: number | null;
  pauseCount: number;
  /** In time order; while paused only the checkpoints already reached before the pause. */
  checkpoints: Checkpoint[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Plans a stage's checkpoints.
 *
 * - Reminder: when `reminderAt` × budget of clock time has run (rounded to the ms).
 * - Breach: when the whole budget has run. Without pauses this is the close of the N-th working
 *   day after the start day (or start + duration); each closed pause pushes it by the clock time
 *   it held (office time for working days), never restarting the count.
 * - Second level: `secondLevelAfter` after the effective breach (working days counted from the
 *   breach like any deadline). Pauses that begin after the breach do not move it: an overdue
 *   file must not escape escalation by asking the applicant for something.
 * - An open pause: no deadline runs, so `paused: true`, `deadline: null` (unless already
 *   breached) and `remainingMs` tells what will be left on resumption.
 */
export function slaPlan(calendar: WorkingCalendar, stage: StageSla): SlaPlan {
  const sla = normalizeSlaSpec(stage.sla);
  const escalation = normalizeEscalationPolicy(stage.escalation);
  const startMs = toEpochMs(stage.startedAt, 'startedAt');
  const clock = runningClock(startMs, stage.pauses ?? []);
  const measure = clockMeasure(sla, calendar);
  const budget = slaBudget(sla, startMs, calendar);

  const checkpoints: Checkpoint[] = [];
  const coverages: Coverage[] = [budget.coverage];
  const add = (kind: CheckpointKind, at: number, coverage: Coverage): void => {
    checkpoints.push({ kind, at: iso(at), uncovered: coverage.uncovered });
    coverages.push(coverage);
  };

  if (escalation.reminderAt !== null) {
    const reminder = instantAtConsumed(clock, measure, Math.round(escalation.reminderAt * budget.ms));
    if (reminder.at !== null) add('reminder', reminder.at, mergeCoverage(budget.coverage, reminder.coverage));
  }
  const breach = instantAtConsumed(clock, measure, budget.ms);
  if (breach.at !== null) {
    const breachCoverage = mergeCoverage(budget.coverage, breach.coverage);
    add('breach', breach.at, breachCoverage);
    if (escalation.secondLevelAfter !== null) {
      const after = escalation.secondLevelAfter;
      if (after.kind === 'duration') {
        add('secondLevel', breach.at + after.ms, breachCoverage);
      } else {
        const { at, ...coverage } = calendar.addWorkingDays(new Date(breach.at), after.workingDays);
        add('secondLevel', at.getTime(), mergeCoverage(breachCoverage, coverage));
      }
    }
  }

  let remainingMs: number | null = null;
  if (clock.openPauseFrom !== null) {
    const consumed = consumedAt(clock, measure, clock.openPauseFrom);
    coverages.push(consumed.coverage);
    remainingMs = Math.max(0, budget.ms - consumed.ms);
  }

  return {
    clock: measure.kind,
    startedAt: iso(startMs),
    budgetMs: budget.ms,
    deadline: breach.at === null ? null : iso(breach.at),
    paused: clock.openPauseFrom !== null,
    pausedSince: clock.openPauseFrom === null ? null : iso(clock.openPauseFrom),
    remainingMs,
    pauseCount: stage.pauses?.length ?? 0,
    checkpoints,
    ...mergeCoverage(...coverages),
  };
}

/** The checkpoints once `pause` is added to the stage's pauses: how the ladder shifts. */
export function checkpointsAfterPause(
  calendar: WorkingCalendar,
  stage: StageSla,
  pause: Pause,
): Checkpoint[] {
  return slaPlan(calendar, { ...stage, pauses: [...(stage.pauses ?? []), pause] }).checkpoints;
}

export interface RemainingSlaTime extends Coverage {
  /** Clock time left before breach at `now` (0 once breached). */
  remainingMs: number;
  /** Clock time used by `now`, pauses excluded. */
  consumedMs: number;
  budgetMs: number;
  /** `now` falls inside a pause. */
  paused: boolean;
  breached: boolean;
}

/** Where the stage's clock stands at `now`: for status pages and the officer's inbox. */
export function remainingSlaTime(
  calendar: WorkingCalendar,
  stage: StageSla,
  now: InstantInput,
): RemainingSlaTime {
  const sla = normalizeSlaSpec(stage.sla);
  const startMs = toEpochMs(stage.startedAt, 'startedAt');
  const nowMs = toEpochMs(now, 'now');
  const clock = runningClock(startMs, stage.pauses ?? []);
  const measure = clockMeasure(sla, calendar);
  const budget = slaBudget(sla, startMs, calendar);
  const consumed = consumedAt(clock, measure, nowMs);
  const paused = (stage.pauses ?? []).some((pause) => {
    const from = toEpochMs(pause.from, 'pause.from');
    const to =
      pause.to === undefined || pause.to === null
        ? Number.POSITIVE_INFINITY
        : toEpochMs(pause.to, 'pause.to');
    return from <= nowMs && nowMs < to;
  });
  return {
    remainingMs: Math.max(0, budget.ms - consumed.ms),
    consumedMs: consumed.ms,
    budgetMs: budget.ms,
    paused,
    breached: consumed.ms >= budget.ms,
    ...mergeCoverage(budget.coverage, consumed.coverage),
  };
}
