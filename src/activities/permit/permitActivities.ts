import { ApplicationFailure } from '@temporalio/activity';
import { inTransaction, type Pool } from '../../db/pool.js';
import { recordTransitionInDb } from '../../db/recordTransition.js';
import { allocatePermitNumber } from '../../db/sequenceNumbers.js';
import { jakartaDayNumber, yearOfDay } from '../../domain/calendar/jakartaTime.js';
import type { WorkingCalendar } from '../../domain/calendar/workingCalendar.js';
import { applicantDeadline } from '../../domain/sla/applicantDeadline.js';
import { planStageClock } from '../../domain/sla/stageClockPlan.js';
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
      const result = await recordTransitionInDb(deps.pool, record);
      if (result.inserted && record.notifications.length > 0) deps.onNoticesQueued?.();
      return result;
    },

    /** Idempotent: a file keeps the permit number it got first. */
    async issuePermitNumber(input: { registrationNumber: string; permitTypeCode: string }): Promise<string> {
      return inTransaction(deps.pool, async (client) => {
        const { rows } = await client.query<{ permit_number: string | null }>(
          'SELECT permit_number FROM applications WHERE registration_number = $1 FOR UPDATE',
          [input.registrationNumber],
        );
        const row = rows[0];
        if (!row) {
          throw ApplicationFailure.nonRetryable(
            `no application row for ${input.registrationNumber}`,
            'APPLICATION_NOT_FOUND',
          );
        }
        if (row.permit_number) return row.permit_number;
        const year = yearOfDay(jakartaDayNumber(Date.now()));
        const permitNumber = await allocatePermitNumber(client, input.permitTypeCode, year);
        await client.query('UPDATE applications SET permit_number = $2 WHERE registration_number = $1', [
          input.registrationNumber,
          permitNumber,
        ]);
        return permitNumber;
      });
    },
  };
}

export type PermitActivities = ReturnType<typeof createPermitActivities>;
