// A stage's SLA clock: it runs from the stage start, stops during pauses (revision requested,
// waiting for payment) and carries on afterwards with the time that was left — pause, never
// reset. The clock measures office time for working-day SLAs and plain elapsed time for ISO
// durations; everything else here is the same for both.

import { type Coverage, mergeCoverage } from '../calendar/coverage.js';
import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import type { NormalizedSla } from './slaSpec.js';

/** A Date, an ISO-8601 string with offset (what a Date becomes in a Temporal payload) or epoch ms. */
export type InstantInput = Date | string | number;

export interface Pause {
  from: InstantInput;
  /** Absent or null while the pause is still open. */
  to?: InstantInput | null;
  /** Why the clock stopped (audit trail, public statistics). */
  reason: string;
}

const NO_COVERAGE_GAP: Coverage = { uncovered: false, uncoveredYears: [] };

export function toEpochMs(value: InstantInput, name: string): number {
  const ms =
    value instanceof Date
      ? value.getTime()
      : typeof value === 'number'
        ? value
        : typeof value === 'string' && /(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(value)
          ? Date.parse(value)
          : Number.NaN; // a string without offset would be read in host-local time
  if (!Number.isFinite(ms) || !Number.isInteger(ms)) {
    throw new RangeError(`${name}: expected a Date, an ISO-8601 instant with offset or epoch ms`);
  }
  return ms;
}

/** Stretches of time during which the clock runs; the last one is open-ended unless a pause is open. */
export interface RunningClock {
  startMs: number;
  segments: { from: number; to: number | null }[];
  /** Start of the pause still open, if any. */
  openPauseFrom: number | null;
}

/** Validates the pauses (in order, not overlapping, after the start, only the last open). */
export function runningClock(startMs: number, pauses: readonly Pause[]): RunningClock {
  const segments: RunningClock['segments'] = [];
  let runningFrom = startMs;
  let openPauseFrom: number | null = null;
  pauses.forEach((pause, index) => {
    const name = `pauses[${index}]`;
    if (openPauseFrom !== null) throw new RangeError(`${name}: only the last pause may be open`);
    if (typeof pause.reason !== 'string' || !/\S/.test(pause.reason)) {
      throw new RangeError(`${name}.reason: every pause needs a reason`);
    }
    const from = toEpochMs(pause.from, `${name}.from`);
    if (from < runningFrom) {
      throw new RangeError(
        `${name}.from: ${index === 0 ? 'before the stage started' : `before pauses[${index - 1}] ended`}`,
      );
    }
    segments.push({ from: runningFrom, to: from });
    if (pause.to === undefined || pause.to === null) {
      openPauseFrom = from;
      return;
    }
    const to = toEpochMs(pause.to, `${name}.to`);
    if (to < from) throw new RangeError(`${name}.to: before its from`);
    runningFrom = to;
  });
  if (openPauseFrom === null) segments.push({ from: runningFrom, to: null });
  return { startMs, segments, openPauseFrom };
}

/** How the clock measures time: office time or elapsed time. */
export interface ClockMeasure {
  kind: 'workingTime' | 'elapsed';
  between(from: number, to: number): { ms: number; coverage: Coverage };
  /** Earliest instant by which `ms` of clock time have passed since `from`. */
  advance(from: number, ms: number): { at: number; coverage: Coverage };
}

export function clockMeasure(sla: NormalizedSla, calendar: WorkingCalendar): ClockMeasure {
  if (sla.kind === 'duration') {
    return {
      kind: 'elapsed',
      between: (from, to) => ({ ms: to - from, coverage: NO_COVERAGE_GAP }),
      advance: (from, ms) => ({ at: from + ms, coverage: NO_COVERAGE_GAP }),
    };
  }
  return {
    kind: 'workingTime',
    between: (from, to) => {
      const { ms, ...coverage } = calendar.workingTimeBetween(new Date(from), new Date(to));
      return { ms, coverage };
    },
    advance: (from, ms) => {
      const { at, ...coverage } = calendar.addWorkingTime(new Date(from), ms);
      return { at: at.getTime(), coverage };
    },
  };
}

/**
 * Clock time the SLA grants. For working days it is the office time from the start to the
 * unpaused deadline (close of the N-th working day after the start day), so a later pause
 * resumes with exactly the office time that was left.
 */
export function slaBudget(
  sla: NormalizedSla,
  startMs: number,
  calendar: WorkingCalendar,
): { ms: number; coverage: Coverage } {
  if (sla.kind === 'duration') return { ms: sla.ms, coverage: NO_COVERAGE_GAP };
  const start = new Date(startMs);
  const { at, ...deadlineCoverage } = calendar.addWorkingDays(start, sla.workingDays);
  const { ms, ...timeCoverage } = calendar.workingTimeBetween(start, at);
  return { ms, coverage: mergeCoverage(deadlineCoverage, timeCoverage) };
}

/** Clock time consumed by `now` (pauses excluded). */
export function consumedAt(
  clock: RunningClock,
  measure: ClockMeasure,
  now: number,
): { ms: number; coverage: Coverage } {
  let ms = 0;
  const parts: Coverage[] = [];
  for (const segment of clock.segments) {
    if (segment.from >= now) break;
    const step = measure.between(segment.from, Math.min(segment.to ?? now, now));
    ms += step.ms;
    parts.push(step.coverage);
  }
  return { ms, coverage: mergeCoverage(...parts) };
}

/** The instant the running clock reaches `amount`, or null when an open pause stops it before. */
export function instantAtConsumed(
  clock: RunningClock,
  measure: ClockMeasure,
  amount: number,
): { at: number | null; coverage: Coverage } {
  let left = amount;
  const parts: Coverage[] = [];
  for (const segment of clock.segments) {
    const available = segment.to === null ? null : measure.between(segment.from, segment.to);
    // `<=`: a pause starting exactly when the amount is reached comes too late to move it.
    if (available === null || left <= available.ms) {
      const step = measure.advance(segment.from, left);
      return { at: step.at, coverage: mergeCoverage(...parts, step.coverage) };
    }
    // Only segments the clock runs through count for coverage, not the one it stops in.
    parts.push(available.coverage);
    left -= available.ms;
  }
  return { at: null, coverage: mergeCoverage(...parts) };
}
