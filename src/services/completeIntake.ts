import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { TransitionRecord } from '../activities/permit/permitActivityContract.js';
import type { Pool } from '../db/pool.js';
import type { WorkingCalendar } from '../domain/calendar/workingCalendar.js';
import { type PermitType, permitTypeRules } from '../domain/catalog/catalogSchema.js';
import { openPermitFile } from '../domain/permitFile/openPermitFile.js';
import { planStageClock, stageClockInput } from '../domain/sla/stageClockPlan.js';
import { recordTransition } from '../repositories/auditRepository.js';
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
 * Starts a stored application's workflow, then records its submission (audit event, read model,
 * first notices) with the state the workflow opens with. In that order, a recorded file always
 * has its workflow: it reaches officers' inboxes and notices only once it can be acted on, and a
 * row left unrecorded (`last_sequence = 0`) is exactly an unfinished intake, which the worker's
 * intake reconciler completes. Every step is idempotent (the start joins the running workflow
 * and never reopens a closed one; the event is keyed by sequence), so the submission path and
 * the reconciler may both get there. The worker's outbox dispatcher sends the notices.
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
  try {
    await deps.temporal.workflow.start(PERMIT_WORKFLOW_TYPE, {
      taskQueue: deps.taskQueue,
      workflowId: file.registrationNumber,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      // A file's workflow runs once: a late retry of a closed file's submission must not open it again.
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  const { inserted } = await recordTransition(deps.pool, submission);
  return { submission, recorded: inserted };
}
