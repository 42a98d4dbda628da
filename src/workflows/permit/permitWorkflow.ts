import {
  allHandlersFinished,
  condition,
  log,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';
import type { PermitActivities } from '../../activities/permit/permitActivities.js';
import type {
  NotificationRequest,
  TransitionRecord,
} from '../../activities/permit/permitActivityContract.js';
import { stageClockInput } from '../../domain/sla/stageClockPlan.js';
import type { Actor, FileAction } from '../../domain/stages/fileActions.js';
import type { FileState } from '../../domain/stages/fileState.js';
import { isFinalStatus } from '../../domain/stages/fileState.js';
import { openPermitFile } from './openPermitFile.js';
import {
  type DecideArgs,
  decideUpdate,
  type FileView,
  fileStateQuery,
  type PermitApplicationInput,
  paymentConfirmedSignal,
  reissuedCodeDetails,
  resubmitUpdate,
  withdrawUpdate,
} from './permitContract.js';
import type { QueuedAction, Timer } from './permitFile.js';
import { applicantNotice, stageAssignedNotice } from './permitNotices.js';

// Calendar arithmetic runs in local activities: the result is recorded in history, so a later
// change of the holiday data never breaks replay of a running file.
const calendar = proxyLocalActivities<PermitActivities>({ startToCloseTimeout: '10 seconds' });

// Recording a transition (audit event, read model, outbox notices: one short transaction) is a
// local activity, so a file's step is one workflow task on the server, not three. Notices are
// sent from the outbox by the worker's dispatcher, not from here. Database errors retry with
// back-off; past a minute the retries wait on server timers.
const ledger = proxyLocalActivities<PermitActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// Business errors are thrown non-retryable; infrastructure errors retry with back-off.
const store = proxyActivities<PermitActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const nowIso = () => new Date().toISOString();

function officerActor(args: DecideArgs): Actor {
  return {
    kind: 'officer',
    officerId: args.officer.officerId,
    roles: args.officer.roles,
    departments: args.officer.departments,
  };
}

function officerAction(args: DecideArgs): FileAction {
  switch (args.decision) {
    case 'approve':
      return { type: 'approve', ...(args.note ? { note: args.note } : {}) };
    case 'reject':
      return { type: 'reject', reason: args.reason };
    case 'revise':
      return { type: 'revise', note: args.note };
    default:
      // Untrusted input: the stage machine refuses an unknown action with a typed reason.
      return { type: (args as { decision: string }).decision } as unknown as FileAction;
  }
}

/** One durable workflow per application; its ID is the registration number. */
export async function permitApplicationWorkflow(input: PermitApplicationInput): Promise<FileView> {
  // The intake already recorded the submission (sequence 1) and planned the first stage's clock.
  const { file } = openPermitFile(input);

  // Handlers change the state at once (so the next validator sees it) and then wait for the
  // main loop to record the transition, so the caller's answer reflects what was stored.
  const acceptAndWait = async (actor: Actor, action: FileAction, details: Record<string, unknown> = {}) => {
    const ticket = file.accept(actor, action, details);
    await condition(() => file.isProcessed(ticket));
    return file.view();
  };

  setHandler(decideUpdate, (args) => acceptAndWait(officerActor(args), officerAction(args)), {
    validator: (args) => file.check(officerActor(args), officerAction(args)),
  });
  setHandler(
    resubmitUpdate,
    (args) =>
      acceptAndWait(
        { kind: 'applicant' },
        { type: 'resubmit' },
        {
          changedFields: args.changedFields ?? [],
          documents: (args.documents ?? []).map((d) => ({ kind: d.kind, sha256: d.sha256 })),
          ...(args.note ? { note: args.note } : {}),
          ...reissuedCodeDetails(args),
        },
      ),
    { validator: (_args) => file.check({ kind: 'applicant' }, { type: 'resubmit' }) },
  );
  setHandler(
    withdrawUpdate,
    (args) =>
      acceptAndWait(
        { kind: 'applicant' },
        { type: 'withdraw' },
        { ...(args.reason ? { reason: args.reason } : {}), ...reissuedCodeDetails(args) },
      ),
    { validator: (_args) => file.check({ kind: 'applicant' }, { type: 'withdraw' }) },
  );
  setHandler(paymentConfirmedSignal, (payment) => {
    // A gateway may confirm the same payment several times; the reference is applied once. A
    // refused confirmation (file not awaiting payment) does not use the reference up.
    if (file.paymentSeen(payment.reference)) return;
    try {
      file.accept({ kind: 'payment_gateway' }, { type: 'pay', reference: payment.reference }, { ...payment });
      file.rememberPayment(payment.reference);
    } catch (error) {
      log.warn('payment confirmation ignored', { reference: payment.reference, error: String(error) });
    }
  });
  setHandler(fileStateQuery, () => file.view());

  const record = async (
    actor: Actor,
    action: string,
    fromStatus: FileState['status'] | null,
    extra: {
      reason?: string;
      details?: Record<string, unknown>;
      notifications?: NotificationRequest[];
      actedOnStageIndex?: number;
    } = {},
  ): Promise<void> => {
    const transition: TransitionRecord = file.transitionRecord(nowIso(), actor, action, fromStatus, {
      ...extra,
      notifications: extra.notifications ?? [],
    });
    await ledger.recordTransition(transition);
  };

  const applicantNote = (template: string, params: NotificationRequest['params'] = {}) =>
    applicantNotice(file, template, params);

  /** Starts the clock of the officer stage the file is now on and tells its role. */
  const enterOfficerStage = async (): Promise<NotificationRequest[]> => {
    const stage = file.currentOfficerStage();
    if (!stage) return [];
    file.startStageClock(stage.key, nowIso());
    await replanClock();
    return [stageAssignedNotice(file, stage)];
  };

  const replanClock = async () => {
    const stage = file.currentOfficerStage();
    const clock = file.clock;
    if (!stage || !clock) return;
    clock.plan = await calendar.planStageClock(stageClockInput(stage, clock.startedAt, clock.pauses));
  };

  const issuePermit = async () => {
    file.permitNumber = await store.issuePermitNumber({
      registrationNumber: input.registrationNumber,
      permitTypeCode: input.permitType.code,
    });
  };

  /** Side effects of one accepted action: clocks, deadlines, permit number, audit, notices. */
  const processQueued = async (item: QueuedAction) => {
    const now = nowIso();
    const notifications: NotificationRequest[] = [];
    const details: Record<string, unknown> = { ...item.details };
    let reason: string | undefined;
    file.applicantDeadline = null;

    switch (item.transition) {
      case 'stage_approved':
      case 'paid': {
        if (item.from.stageIndex === 0) file.statutoryClockStartedAt = now;
        if (item.action.type === 'approve' && item.action.note) details.note = item.action.note;
        notifications.push(...(await enterOfficerStage()));
        notifications.push(
          applicantNote(item.transition, {
            stage: file.currentStage().key,
            deadline: file.clock?.plan?.deadline ?? null,
          }),
        );
        break;
      }
      case 'payment_requested': {
        if (item.from.stageIndex === 0) file.statutoryClockStartedAt = now;
        const stage = file.currentPaymentStage()!;
        file.applicantDeadline = (
          await calendar.applicantDeadline({ from: now, deadline: stage.responseDeadline })
        ).at;
        details.feeAmount = input.fee.amount;
        notifications.push(
          applicantNote('payment_requested', { deadline: file.applicantDeadline, amount: input.fee.amount }),
        );
        break;
      }
      case 'revision_requested': {
        reason = item.action.type === 'revise' ? item.action.note : undefined;
        file.openPause(now, `revision requested: ${reason ?? ''}`);
        await replanClock();
        const revisionDeadline = input.permitType.revisionDeadline ?? { calendarDays: 14 };
        file.applicantDeadline = (
          await calendar.applicantDeadline({ from: now, deadline: revisionDeadline })
        ).at;
        notifications.push(
          applicantNote('revision_requested', { note: reason ?? '', deadline: file.applicantDeadline }),
        );
        break;
      }
      case 'resubmitted': {
        file.closePause(now);
        await replanClock();
        const stage = file.currentOfficerStage()!;
        notifications.push(applicantNote('resubmitted', { deadline: file.clock?.plan?.deadline ?? null }), {
          eventKey: 'role',
          audience: 'role',
          recipient: { role: stage.role, department: file.departmentOf(stage) },
          template: 'resubmitted_to_officer',
          params: {
            registrationNumber: input.registrationNumber,
            deadline: file.clock?.plan?.deadline ?? null,
          },
        });
        break;
      }
      case 'issued':
      case 'deemed_approved': {
        file.decidedAt = now;
        await issuePermit();
        details.permitNumber = file.permitNumber;
        if (item.transition === 'deemed_approved') {
          reason = input.permitType.deemedApproval?.legalBasis ?? 'deemed approval: decision deadline missed';
        }
        notifications.push(applicantNote(item.transition, { permitNumber: file.permitNumber }));
        break;
      }
      case 'rejected': {
        file.decidedAt = now;
        reason = item.action.type === 'reject' ? item.action.reason : undefined;
        notifications.push(applicantNote('rejected', { reason: reason ?? '' }));
        break;
      }
      case 'withdrawn':
      case 'expired': {
        if (typeof item.details.reason === 'string') reason = item.details.reason;
        notifications.push(applicantNote(item.transition));
        break;
      }
    }
    await record(item.actor, item.transition, item.from.status, {
      reason,
      details,
      notifications,
      actedOnStageIndex: item.from.stageIndex,
    });
    file.markProcessed(item.ticket);
  };

  const fireTimer = async (timer: Timer) => {
    const system: Actor = { kind: 'system' };
    if (timer.kind === 'applicantDeadline') {
      file.accept(system, { type: 'lapse' }, { reason: 'the applicant did not respond before the deadline' });
      return;
    }
    const stage = file.currentOfficerStage()!;
    const department = file.departmentOf(stage);
    const { checkpoint } = timer;
    file.markFired(checkpoint.kind);
    const params = {
      registrationNumber: input.registrationNumber,
      stage: stage.key,
      deadline: file.clock?.plan?.deadline ?? null,
    };
    const status = file.state.status;
    if (checkpoint.kind === 'reminder') {
      await record(system, 'sla_reminder', status, {
        details: { dueAt: checkpoint.at },
        notifications: [
          {
            eventKey: 'role',
            audience: 'role',
            recipient: { role: stage.role, department },
            template: 'sla_reminder',
            params,
          },
        ],
      });
    } else if (checkpoint.kind === 'breach') {
      file.breachedStages.push(stage.key);
      await record(system, 'sla_breached', status, {
        details: { dueAt: checkpoint.at },
        notifications: [
          {
            eventKey: 'managers',
            audience: 'managers',
            recipient: { department },
            template: 'sla_breach',
            params,
          },
        ],
      });
      if (input.permitType.deemedApproval?.enabled && file.statutoryClockStartedAt !== null) {
        file.accept(system, { type: 'deadline_missed' });
      }
    } else {
      const secondLevel = stage.escalation.secondLevel;
      await record(system, 'sla_second_level', status, {
        details: { dueAt: checkpoint.at },
        notifications: [
          {
            eventKey: 'second_level',
            audience: 'second_level',
            recipient: { role: secondLevel?.role ?? 'kepala_kantor', department },
            template: 'sla_second_level',
            params,
          },
        ],
      });
    }
  };

  while (!file.isClosed || file.hasQueued()) {
    const queued = file.takeQueued();
    if (queued) {
      await processQueued(queued);
      continue;
    }
    const timer = file.nextTimer();
    const dueAt = timer ? Date.parse(timer.kind === 'checkpoint' ? timer.checkpoint.at : timer.at) : null;
    if (timer === null || dueAt === null) {
      await condition(() => file.hasQueued());
      continue;
    }
    // Timer length from an instant the calendar activity computed; no deadline is derived here.
    const woken = await condition(() => file.hasQueued(), Math.max(1, dueAt - Date.now()));
    if (!woken) await fireTimer(timer);
  }

  // Let in-flight update handlers return their answers before completing.
  await condition(allHandlersFinished);
  if (!isFinalStatus(file.state.status)) throw new Error('unreachable: loop ended on an open file');
  return file.view();
}
