// What a running file keeps of its current stage's SLA: the deadline, the checkpoints to fire
// and the time paused so far. Computed at submission for the first stage (so the applicant is
// told the deadline at once) and by the workflow's calendar activity afterwards.

import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import type { OfficerStageDef, SlaSpec } from '../catalog/catalogSchema.js';
import { type Checkpoint, slaPlan } from './slaPlan.js';

export interface PauseRecord {
  from: string;
  to?: string;
  reason: string;
}

export interface PlanStageClockInput {
  startedAt: string;
  sla: SlaSpec;
  reminderAt: number;
  secondLevelAfter?: SlaSpec;
  pauses: PauseRecord[];
}

export interface StageClockPlan {
  /** Office time (working-day SLA) or plain elapsed time (ISO duration SLA). */
  clock: 'workingTime' | 'elapsed';
  deadline: string | null;
  deadlineUncovered: boolean;
  uncoveredYears: number[];
  checkpoints: Checkpoint[];
  /** Clock time held by the closed pauses. */
  pausedMs: number;
}

/** What the plan of an officer stage's clock depends on: its SLA, escalation and pauses. */
export function stageClockInput(
  stage: OfficerStageDef,
  startedAt: string,
  pauses: PauseRecord[],
): PlanStageClockInput {
  return {
    startedAt,
    sla: stage.sla,
    reminderAt: stage.reminderAt,
    ...(stage.escalation.secondLevel ? { secondLevelAfter: stage.escalation.secondLevel.after } : {}),
    pauses,
  };
}

export function planStageClock(calendar: WorkingCalendar, input: PlanStageClockInput): StageClockPlan {
  const plan = slaPlan(calendar, {
    startedAt: input.startedAt,
    sla: input.sla,
    escalation: {
      reminderAt: input.reminderAt,
      ...(input.secondLevelAfter ? { secondLevelAfter: input.secondLevelAfter } : {}),
    },
    pauses: input.pauses,
  });
  let pausedMs = 0;
  for (const pause of input.pauses) {
    if (pause.to === undefined) continue;
    pausedMs +=
      plan.clock === 'workingTime'
        ? calendar.workingTimeBetween(new Date(pause.from), new Date(pause.to)).ms
        : Date.parse(pause.to) - Date.parse(pause.from);
  }
  return {
    clock: plan.clock,
    deadline: plan.deadline,
    deadlineUncovered: plan.uncovered,
    uncoveredYears: plan.uncoveredYears,
    checkpoints: plan.checkpoints,
    pausedMs,
  };
}
