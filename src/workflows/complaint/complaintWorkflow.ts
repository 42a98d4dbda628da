// One complaint: the department's managers are told, the answer deadline runs on the office
// calendar (reminder, then escalation to the second level when missed), and after an answer the
// complainant may reopen once within the window. The workflow knows the ticket, category and
// department only; the text and the answers are in PostgreSQL.
import { condition, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { ComplaintActivities } from '../../activities/complaint/complaintActivities.js';
import { closesAfterAnswer, REOPEN_WINDOW_MS } from '../../domain/complaints/complaintLifecycle.js';
import {
  type ComplaintWorkflowInput,
  complaintAnsweredSignal,
  complaintReopenedSignal,
} from './complaintContract.js';

// Calendar arithmetic and the short writes run as local activities, like the permit workflow's
// `calendar` and `transitions` proxies: results are recorded in history, and a holiday data
// change never breaks replay of a running complaint.
const complaintSteps = proxyLocalActivities<ComplaintActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export async function complaintWorkflow(complaint: ComplaintWorkflowInput): Promise<void> {
  let answeredRounds = 0;
  let reopenedAt: string | null = null;
  setHandler(complaintAnsweredSignal, ({ round }) => {
    answeredRounds = Math.max(answeredRounds, round);
  });
  setHandler(complaintReopenedSignal, ({ at }) => {
    reopenedAt = at;
  });

  await complaintSteps.announceComplaint(complaint);
  let round = 1;
  let startedAt = complaint.filedAt;
  for (;;) {
    const currentRound = round;
    const answered = () => answeredRounds >= currentRound;
    const plan = await complaintSteps.startComplaintRound({ complaint, round, startedAt });
    for (const checkpoint of plan.checkpoints) {
      if (checkpoint.kind === 'secondLevel') continue;
      // At least 1 ms: a timeout of 0 would mean no timeout at all.
      const waitMs = Math.max(1, Date.parse(checkpoint.at) - Date.now());
      if (await condition(answered, waitMs)) break;
      await complaintSteps.passComplaintCheckpoint({
        complaint,
        round,
        startedAt,
        kind: checkpoint.kind,
        dueAt: checkpoint.at,
      });
    }
    await condition(answered);
    if (closesAfterAnswer(round - 1) === 'now') break;
    if (!(await condition(() => reopenedAt !== null, REOPEN_WINDOW_MS))) break;
    startedAt = reopenedAt ?? startedAt;
    round += 1;
  }
  await complaintSteps.closeComplaint({ ticket: complaint.ticket });
}
