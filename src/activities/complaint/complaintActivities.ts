import type { Pool } from '../../db/pool.js';
import type { WorkingCalendar } from '../../domain/calendar/workingCalendar.js';
import type { ComplaintCategory } from '../../domain/complaints/complaintCategories.js';
import {
  type ComplaintRecipient,
  recipientOfCheckpoint,
  recipientsOfNewComplaint,
} from '../../domain/complaints/complaintRouting.js';
import { planStageClock, type StageClockPlan } from '../../domain/sla/stageClockPlan.js';
import {
  type ComplaintNotice,
  closeComplaint,
  complaintAwaitsAnswer,
  markComplaintEscalated,
  queueComplaintNotices,
  setComplaintDeadline,
} from '../../repositories/complaintRepository.js';
import type { ComplaintWorkflowInput } from '../../workflows/complaint/complaintContract.js';

export interface ComplaintActivityDependencies {
  pool: Pool;
  calendar: WorkingCalendar;
  onNoticesQueued?: (() => void) | undefined;
}

export interface ComplaintRoundInput {
  complaint: ComplaintWorkflowInput;
  round: number;
  startedAt: string;
}

export interface ComplaintCheckpointInput extends ComplaintRoundInput {
  kind: 'reminder' | 'breach';
  dueAt: string;
}

const TEMPLATE_OF_FILED = { managers: 'complaint_filed', second_level: 'complaint_pungli' } as const;

function notice(
  eventKey: string,
  to: ComplaintRecipient,
  template: string,
  params: ComplaintNotice['params'],
): ComplaintNotice {
  const recipient =
    to.audience === 'managers' ? { department: to.department } : { role: to.role, department: to.department };
  return { eventKey, audience: to.audience, recipient, template, params };
}

export function createComplaintActivities(deps: ComplaintActivityDependencies) {
  const queue = async (ticket: string, notices: ComplaintNotice[]): Promise<void> => {
    if ((await queueComplaintNotices(deps.pool, ticket, notices)) > 0) deps.onNoticesQueued?.();
  };

  return {
    /** The department's managers hear of a new complaint; for a pungli report the second level too. */
    async announceComplaint(complaint: ComplaintWorkflowInput): Promise<void> {
      const category: ComplaintCategory = complaint.category;
      const recipients = recipientsOfNewComplaint(category, complaint.department, complaint.policy);
      await queue(
        complaint.ticket,
        recipients.map((to) =>
          notice(`${complaint.ticket}:filed:${to.audience}`, to, TEMPLATE_OF_FILED[to.audience], {
            ticket: complaint.ticket,
            category,
          }),
        ),
      );
    },

    /**
     * The round's answer deadline and reminder on the office calendar (a local activity: the
     * result is recorded in history), stored on the complaint for its status and statistics.
     */
    async startComplaintRound(input: ComplaintRoundInput): Promise<StageClockPlan> {
      const plan = planStageClock(deps.calendar, {
        startedAt: input.startedAt,
        sla: input.complaint.policy.responseDeadline,
        reminderAt: input.complaint.policy.reminderAt,
        pauses: [],
      });
      await setComplaintDeadline(deps.pool, input.complaint.ticket, plan.deadline);
      return plan;
    },

    /** Reminds the managers, or escalates a missed deadline, unless the answer came meanwhile. */
    async passComplaintCheckpoint(input: ComplaintCheckpointInput): Promise<{ recorded: boolean }> {
      const { complaint } = input;
      const still =
        input.kind === 'breach'
          ? await markComplaintEscalated(deps.pool, complaint.ticket)
          : await complaintAwaitsAnswer(deps.pool, complaint.ticket);
      if (!still) return { recorded: false };
      const to = recipientOfCheckpoint(input.kind, complaint.department, complaint.policy);
      const template = input.kind === 'breach' ? 'complaint_overdue' : 'complaint_reminder';
      await queue(complaint.ticket, [
        notice(`${complaint.ticket}:r${input.round}:${input.kind}`, to, template, {
          ticket: complaint.ticket,
          category: complaint.category,
          dueAt: input.dueAt,
        }),
      ]);
      return { recorded: true };
    },

    async closeComplaint(input: { ticket: string }): Promise<{ closed: boolean }> {
      return { closed: await closeComplaint(deps.pool, input.ticket) };
    },
  };
}

export type ComplaintActivities = ReturnType<typeof createComplaintActivities>;
