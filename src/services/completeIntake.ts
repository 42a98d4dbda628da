import type { Client } from '@temporalio/client';
import type { TransitionRecord } from '../activities/permit/permitActivityContract.js';
import type { Pool } from '../db/pool.js';
import { recordTransitionInDb } from '../db/recordTransition.js';
import type { WorkingCalendar } from '../domain/calendar/workingCalendar.js';
import { type PermitType, permitTypeRules } from '../domain/catalog/catalogSchema.js';
import { planStageClock, stageClockInput } from '../domain/sla/stageClockPlan.js';
import { openPermitFile } from '../workflows/permit/openPermitFile.js';
import {
  type Channel,
  type FirstStageClock,
  PERMIT_WORKFLOW_TYPE,
  type PermitApplicationInput,
} from '../workflows/permit/permitContract.js';

export interface IntakeDependencies {
  pool: Pool;
  temporal: Client;
  calendar: WorkingCalendar;
  taskQueue: string;
}

/** What a stored application row says about the file's start. */
export interface StoredFile {
  registrationNumber: string;
  permitType: PermitType;
  channel: Channel;
  feeAmount: number;
  submittedByOfficerId?: string | undefined;
  /** The row's submitted_at (ISO 8601): the first stage's clock starts then. */
  submittedAt: string;
}

/**
 * The first stage's clock, started at submission: planned here by the same pure rule the
 * workflow's calendar activity uses, so the answer carries the deadline without waiting for the
 * worker, and handed to the workflow in its input (kept in history).
 */
export function planFirstStage(
  calendar: WorkingCalendar,
  permitType: PermitType,
  startedAt: string,
): FirstStageClock | undefined {
  const stage = permitType.stages[0];
  if (stage?.kind !== 'officer_review') return undefined;
  return {
    stageKey: stage.key,
    startedAt,
    plan: planStageClock(calendar, stageClockInput(stage, startedAt, [])),
  };
}

/**
 * Records a stored application's submission (audit event, read model, first notices) and starts
 * its workflow from the state it records. Every step is idempotent (the event is keyed by
 * sequence, the start uses the running workflow), so the submission path and the intake
 * reconciler both call it, whichever of them finds the file half done after a crash or an
 * outage. The worker's outbox dispatcher sends the notices on its next poll.
 */
export async function completeIntake(
  deps: IntakeDependencies,
  file: StoredFile,
  plannedClock?: FirstStageClock,
): Promise<{ submission: TransitionRecord; recorded: boolean }> {
  const clock = plannedClock ?? planFirstStage(deps.calendar, file.permitType, file.submittedAt);
  const input: PermitApplicationInput = {
    registrationNumber: file.registrationNumber,
    permitType: permitTypeRules(file.permitType),
    channel: file.channel,
    fee: { amount: file.feeAmount },
    ...(file.submittedByOfficerId ? { submittedByOfficerId: file.submittedByOfficerId } : {}),
    submittedAt: file.submittedAt,
    ...(clock ? { firstStageClock: clock } : {}),
  };
  const { submitted: submission } = openPermitFile(input);
  const { inserted } = await recordTransitionInDb(deps.pool, submission);
  await deps.temporal.workflow.start(PERMIT_WORKFLOW_TYPE, {
    taskQueue: deps.taskQueue,
    workflowId: file.registrationNumber,
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  return { submission, recorded: inserted };
}
