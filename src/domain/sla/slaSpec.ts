// How long a stage may take and how it escalates: the shapes the catalog, workflows and the
// planner share. Validation here is strict because a wrong SLA silently moves deadlines.

import { parseIsoDuration } from './isoDuration.js';

/**
 * A stage's SLA: working days on the office calendar, or an exact ISO-8601 duration of plain
 * elapsed time (no calendar; for drills and tests). A bare string is shorthand for `{ duration }`.
 */
export type SlaSpec = { workingDays: number } | { duration: string } | string;

export interface EscalationPolicy {
  /** Reminder to the assigned role once this share (0 < share < 1) of the SLA's clock time is used. */
  reminderAt?: number;
  /** Second-level alert this long after the breach (working days are counted like a deadline). */
  secondLevelAfter?: SlaSpec;
}

export type NormalizedSla =
  | { kind: 'workingDays'; workingDays: number }
  | { kind: 'duration'; duration: string; ms: number };

/** Checks an SlaSpec and resolves durations to milliseconds; `name` prefixes error messages. */
export function normalizeSlaSpec(spec: SlaSpec, name = 'sla'): NormalizedSla {
  const duration = typeof spec === 'string' ? spec : spec && 'duration' in spec ? spec.duration : undefined;
  if (duration !== undefined) {
    const ms = parseIsoDuration(duration);
    if (ms <= 0) throw new RangeError(`${name}: the duration must be longer than zero`);
    return { kind: 'duration', duration, ms };
  }
  const workingDays =
    spec && typeof spec === 'object' && 'workingDays' in spec ? spec.workingDays : undefined;
  if (!Number.isSafeInteger(workingDays) || (workingDays as number) < 1) {
    throw new RangeError(`${name}: expected { workingDays: whole number ≥ 1 } or an ISO-8601 duration`);
  }
  return { kind: 'workingDays', workingDays: workingDays as number };
}

export interface NormalizedEscalation {
  reminderAt: number | null;
  secondLevelAfter: NormalizedSla | null;
}

export function normalizeEscalationPolicy(policy: EscalationPolicy | undefined): NormalizedEscalation {
  const reminderAt = policy?.reminderAt;
  if (reminderAt !== undefined && !(typeof reminderAt === 'number' && reminderAt > 0 && reminderAt < 1)) {
    throw new RangeError(
      'escalation.reminderAt: expected a share of the SLA between 0 and 1 (both excluded)',
    );
  }
  const after = policy?.secondLevelAfter;
  return {
    reminderAt: reminderAt ?? null,
    secondLevelAfter: after === undefined ? null : normalizeSlaSpec(after, 'escalation.secondLevelAfter'),
  };
}
