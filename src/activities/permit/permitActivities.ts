import { ApplicationFailure } from '@temporalio/activity';
import type { Pool } from '../../db/pool.js';
import { jakartaDayNumber, yearOfDay } from '../../domain/calendar/jakartaTime.js';
import type { WorkingCalendar } from '../../domain/calendar/workingCalendar.js';
import { applicantDeadline } from '../../domain/sla/applicantDeadline.js';
import { planStageClock } from '../../domain/sla/stageClockPlan.js';
import { issuePermitNumber } from '../../repositories/applicationRepository.js';
import { recordTransition } from '../../repositories/auditRepository.js';
import type {
  ApplicantDeadlineInput,
  PlanStageClockInput,
  StageClockPlan,
  TransitionRecord,
} from './permitActivityContract.js';

export interface PermitActivityDependencies {
  pool: Pool;
  calendar: WorkingCalendar;
  /** Called after a transition committed notices: wakes this process's outbox dispatcher. */
  onNoticesQueued?: (() => void) | undefined;
}

export function createPermitActivities(deps: PermitActivityDependencies) {
  return {
    /** The stage's checkpoints from the working-day calendar (a local activity: recorded in history). */
    async planStageClock(input: PlanStageClockInput): Promise<StageClockPlan> {
      return planStageClock(deps.calendar, input);
    },

    async applicantDeadline(input: ApplicantDeadlineInput): Promise<{ at: string }> {
      return { at: applicantDeadline(input.from, input.deadline) };
    },

    /**
     * Audit event, read-model row and outbox notices in one transaction; a retry with the same
     * sequence adds nothing. Run as a local activity: see the workflow's `transitions` proxy.
     */
    async recordTransition(record: TransitionRecord): Promise<{ inserted: boolean }> {
      const result = await recordTransition(deps.pool, record);
      if (result.inserted && record.notifications.length > 0) deps.onNoticesQueued?.();
      return result;
    },

    /** Idempotent: a file keeps the permit number it got first. */
    async issuePermitNumber(input: { registrationNumber: string; permitTypeCode: string }): Promise<string> {
      const year = yearOfDay(jakartaDayNumber(Date.now()));
      const permitNumber = await issuePermitNumber(
        deps.pool,
        input.registrationNumber,
        input.permitTypeCode,
        year,
      );
      if (permitNumber === null) {
        throw ApplicationFailure.nonRetryable(
          `no application row for ${input.registrationNumber}`,
          'APPLICATION_NOT_FOUND',
        );
      }
      return permitNumber;
    },
  };
}

export type PermitActivities = ReturnType<typeof createPermitActivities>;
