// Carrying out an action the file accepted: one step per transition (clocks, deadlines, permit
// number), then the transition's record (audit event, read-model row, notices in the outbox).
import { patched } from '@temporalio/workflow';
import type { NotificationRequest } from '../../activities/permit/permitActivityContract.js';
import { deemedApprovalLegalBasis, revisionDeadline } from '../../domain/catalog/catalogRules.js';
import type { ResponseDeadline } from '../../domain/catalog/catalogSchema.js';
import type { PermitFile, QueuedAction } from '../../domain/permitFile/permitFile.js';
import {
  applicantNotice,
  resubmittedToOfficerNotice,
  stageAssignedNotice,
} from '../../domain/permitFile/permitNotices.js';
import { calendar, permitDocuments, permitNumbers, transitions } from './permitActivityProxies.js';

/** What an action leads to besides the new state: the audit's reason and details, and the notices. */
interface Outcome {
  reason?: string | undefined;
  details?: Record<string, unknown>;
  notifications: NotificationRequest[];
}

/** The action's effects, then its record; after that its handler may answer. */
export async function carryOut(file: PermitFile, item: QueuedAction): Promise<void> {
  const now = new Date().toISOString();
  file.setApplicantDeadline(null);
  file.startStatutoryClockOn(item, now);
  const outcome = await outcomeOf(file, item, now);
  const record = file.transitionRecord(
    new Date().toISOString(),
    item.actor,
    item.transition,
    item.from.status,
    {
      ...outcome,
      details: { ...item.details, ...outcome.details },
      actedOnStageIndex: item.from.stageIndex,
    },
  );
  await transitions.recordTransition(record);
  file.markCarriedOut(item);
}

async function outcomeOf(file: PermitFile, item: QueuedAction, now: string): Promise<Outcome> {
  switch (item.transition) {
    case 'stage_approved':
    case 'paid':
      return enterOfficerStage(file, item, now);
    case 'payment_requested':
      return requestPayment(file, now);
    case 'revision_requested':
      return requestRevision(file, item, now);
    case 'resubmitted':
      return resumeReview(file, now);
    case 'issued':
    case 'deemed_approved':
      return grantPermit(file, item, now);
    case 'rejected':
      return reject(file, item, now);
    case 'withdrawn':
    case 'expired':
      return closeUndecided(file, item);
  }
}

/** Starts the clock of the officer stage the file is now on; tells its role and the applicant. */
async function enterOfficerStage(file: PermitFile, item: QueuedAction, now: string): Promise<Outcome> {
  const notifications: NotificationRequest[] = [];
  const stage = file.currentOfficerStage();
  if (stage) {
    file.startStageClock(stage.key, now);
    await replanClock(file);
    notifications.push(stageAssignedNotice(file, stage));
  }
  notifications.push(
    applicantNotice(file, item.transition, { stage: file.currentStage().key, deadline: file.stageDeadline }),
  );
  const note = item.action.type === 'approve' ? item.action.note : undefined;
  return { details: note ? { note } : {}, notifications };
}

async function requestPayment(file: PermitFile, now: string): Promise<Outcome> {
  await startApplicantDeadline(file, now, file.currentPaymentStage()!.responseDeadline);
  const amount = file.input.fee.amount;
  return {
    details: { feeAmount: amount },
    notifications: [applicantNotice(file, 'payment_requested', { deadline: file.applicantDeadline, amount })],
  };
}

/** The stage's clock stops until the applicant resubmits, within the permit type's revision deadline. */
async function requestRevision(file: PermitFile, item: QueuedAction, now: string): Promise<Outcome> {
  const note = item.action.type === 'revise' ? item.action.note : undefined;
  file.openPause(now, `revision requested: ${note ?? ''}`);
  await replanClock(file);
  await startApplicantDeadline(file, now, revisionDeadline(file.input.permitType));
  return {
    reason: note,
    notifications: [
      applicantNotice(file, 'revision_requested', { note: note ?? '', deadline: file.applicantDeadline }),
    ],
  };
}

/** The stage's clock runs again with the time that was left; its role is told. */
async function resumeReview(file: PermitFile, now: string): Promise<Outcome> {
  file.closePause(now);
  await replanClock(file);
  return {
    notifications: [
      applicantNotice(file, 'resubmitted', { deadline: file.stageDeadline }),
      resubmittedToOfficerNotice(file, file.currentOfficerStage()!),
    ],
  };
}

/** Issued by the last officer, or deemed approved by law once the decision deadline passed. */
async function grantPermit(file: PermitFile, item: QueuedAction, now: string): Promise<Outcome> {
  file.markDecided(now);
  const { registrationNumber, input } = file;
  file.grantPermit(
    await permitNumbers.issuePermitNumber({ registrationNumber, permitTypeCode: input.permitType.code }),
  );
  // Files granted before permit documents existed replay without the document's activity.
  const document = patched('permit-document')
    ? await permitDocuments.issuePermitDocument({
        registrationNumber,
        permitNumber: file.permitNumber!,
        decision: item.transition === 'deemed_approved' ? 'deemed_approved' : 'issued',
        decidedStageKey: file.input.permitType.stages[item.from.stageIndex]!.key,
        issuedAt: now,
      })
    : null;
  return {
    ...(item.transition === 'deemed_approved' ? { reason: deemedApprovalLegalBasis(input.permitType) } : {}),
    details: { permitNumber: file.permitNumber, ...(document ? { documentSha256: document.sha256 } : {}) },
    notifications: [applicantNotice(file, item.transition, { permitNumber: file.permitNumber })],
  };
}

function reject(file: PermitFile, item: QueuedAction, now: string): Outcome {
  file.markDecided(now);
  const reason = item.action.type === 'reject' ? item.action.reason : undefined;
  return { reason, notifications: [applicantNotice(file, 'rejected', { reason: reason ?? '' })] };
}

/** Withdrawn by the applicant, or expired when they did not act in time. */
function closeUndecided(file: PermitFile, item: QueuedAction): Outcome {
  const reason = typeof item.details.reason === 'string' ? item.details.reason : undefined;
  return { reason, notifications: [applicantNotice(file, item.transition)] };
}

async function replanClock(file: PermitFile): Promise<void> {
  const input = file.clockPlanInput();
  if (input) file.planClock(await calendar.planStageClock(input));
}

async function startApplicantDeadline(file: PermitFile, from: string, deadline: ResponseDeadline) {
  file.setApplicantDeadline((await calendar.applicantDeadline({ from, deadline })).at);
}
