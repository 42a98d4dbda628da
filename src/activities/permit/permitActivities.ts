import { ApplicationFailure } from '@temporalio/activity';
import { inTransaction, type Pool } from '../../db/pool.js';
import { allocatePermitNumber } from '../../db/sequenceNumbers.js';
import { jakartaDayNumber, yearOfDay } from '../../domain/calendar/jakartaTime.js';
import type { WorkingCalendar } from '../../domain/calendar/workingCalendar.js';
import { applicantDeadline } from '../../domain/sla/applicantDeadline.js';
import { slaPlan } from '../../domain/sla/slaPlan.js';
import type { NotificationChannel } from '../../notifications/notificationChannel.js';
import { deliverOutboxNotifications } from './deliverNotifications.js';
import type {
  ApplicantDeadlineInput,
  PlanStageClockInput,
  StageClockPlan,
  TransitionRecord,
} from './permitActivityContract.js';
import { recordTransitionInDb } from './recordTransition.js';

export interface PermitActivityDependencies {
  pool: Pool;
  calendar: WorkingCalendar;
  /** Absent while no channel (Telegram bot) is configured: notices wait in the outbox. */
  channel?: NotificationChannel | undefined;
}

export function createPermitActivities(deps: PermitActivityDependencies) {
  return {
    /** The stage's checkpoints from the working-day calendar (a local activity: recorded in history). */
    async planStageClock(input: PlanStageClockInput): Promise<StageClockPlan> {
      const plan = slaPlan(deps.calendar, {
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
            ? deps.calendar.workingTimeBetween(new Date(pause.from), new Date(pause.to)).ms
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
    },

    async applicantDeadline(input: ApplicantDeadlineInput): Promise<{ at: string }> {
      return { at: applicantDeadline(input.from, input.deadline) };
    },

    /** Audit event + read-model row in one transaction; a retry with the same sequence adds nothing. */
    async recordTransition(record: TransitionRecord): Promise<{ inserted: boolean }> {
      return recordTransitionInDb(deps.pool, record);
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

    async deliverNotifications(input: { eventKeys: string[] }): Promise<{ sent: number; pending: number }> {
      return deliverOutboxNotifications(deps.pool, deps.channel, input.eventKeys);
    },
  };
}

export type PermitActivities = ReturnType<typeof createPermitActivities>;
