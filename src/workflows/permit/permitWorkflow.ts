// The life of one permit application, top-down: the workflow declares what it answers (updates,
// signal, query) and runs the main loop, which carries out each accepted action
// (acceptedActions.ts) and, when nothing is queued, waits for the next deadline and acts on it
// (passedDeadlines.ts). All state is one PermitFile; every rule is asked of the domain.
import { allHandlersFinished, condition, log, setHandler } from '@temporalio/workflow';
import { nextTimer, timerDueAt } from '../../domain/permitFile/fileTimers.js';
import { openPermitFile } from '../../domain/permitFile/openPermitFile.js';
import type { PermitFile } from '../../domain/permitFile/permitFile.js';
import { fileView } from '../../domain/permitFile/permitFileViews.js';
import type { Actor, FileAction } from '../../domain/stages/fileActions.js';
import { isFinalStatus } from '../../domain/stages/fileState.js';
import { fileActionOfDecision } from '../../domain/stages/officerDecision.js';
import { carryOut } from './acceptedActions.js';
import { fire } from './passedDeadlines.js';
import {
  confirmPaymentUpdate,
  type DecideArgs,
  decideUpdate,
  type FileView,
  fileStateQuery,
  type PaymentAnswer,
  type PaymentConfirmation,
  type PermitApplicationInput,
  paymentConfirmedSignal,
  type ResubmitArgs,
  reissuedCodeDetails,
  resubmitUpdate,
  withdrawUpdate,
} from './permitContract.js';
import { refusedAsFailure } from './refusalFailure.js';

/** One durable workflow per application; its ID is the registration number. */
export async function permitApplicationWorkflow(input: PermitApplicationInput): Promise<FileView> {
  // The intake already recorded the submission (sequence 1) and planned the first stage's clock.
  const { file } = openPermitFile(input);

  // Validators refuse without changing anything; handlers change the file at once (so the next
  // validator sees it) and answer once the main loop has carried the action out and stored it.
  setHandler(decideUpdate, (args) => acceptAndAnswer(file, officerActor(args), fileActionOfDecision(args)), {
    validator: (args) => refusedAsFailure(() => file.check(officerActor(args), fileActionOfDecision(args))),
  });
  setHandler(
    resubmitUpdate,
    (args) => acceptAndAnswer(file, APPLICANT, { type: 'resubmit' }, resubmissionDetails(args)),
    { validator: (_args) => refusedAsFailure(() => file.check(APPLICANT, { type: 'resubmit' })) },
  );
  setHandler(
    withdrawUpdate,
    (args) =>
      acceptAndAnswer(
        file,
        APPLICANT,
        { type: 'withdraw' },
        {
          ...(args.reason ? { reason: args.reason } : {}),
          ...reissuedCodeDetails(args),
        },
      ),
    { validator: (_args) => refusedAsFailure(() => file.check(APPLICANT, { type: 'withdraw' })) },
  );
  setHandler(confirmPaymentUpdate, (payment) => takePayment(file, payment), {
    validator: (payment) => {
      refusedAsFailure(() => isNewPayment(file, payment));
    },
  });
  // No longer sent: kept, unchanged, for running files and histories that hold the signal.
  setHandler(paymentConfirmedSignal, (payment) => confirmPayment(file, payment));
  setHandler(fileStateQuery, () => fileView(file));

  while (!file.isClosed || file.hasQueued()) {
    const queued = file.takeQueued();
    if (queued) {
      await carryOut(file, queued);
      continue;
    }
    const timer = nextTimer(file);
    if (timer === null) {
      await condition(() => file.hasQueued());
      continue;
    }
    // Timer length from an instant the calendar activity computed; no deadline is derived here.
    const woken = await condition(
      () => file.hasQueued(),
      Math.max(1, Date.parse(timerDueAt(timer)) - Date.now()),
    );
    if (!woken) await fire(file, timer);
  }

  // Let in-flight update handlers return their answers before completing.
  await condition(allHandlersFinished);
  if (!isFinalStatus(file.state.status)) throw new Error('unreachable: loop ended on an open file');
  return fileView(file);
}

const APPLICANT: Actor = { kind: 'applicant' };
const PAYMENT_GATEWAY: Actor = { kind: 'payment_gateway' };

async function acceptAndAnswer(
  file: PermitFile,
  actor: Actor,
  action: FileAction,
  details: Record<string, unknown> = {},
): Promise<FileView> {
  return answerWhenCarriedOut(
    file,
    refusedAsFailure(() => file.accept(actor, action, details)),
  );
}

async function answerWhenCarriedOut(file: PermitFile, ticket: number): Promise<FileView> {
  await condition(() => file.isProcessed(ticket));
  return fileView(file);
}

function officerActor(args: DecideArgs): Actor {
  const { officerId, roles, departments } = args.officer;
  return { kind: 'officer', officerId, roles, departments };
}

function resubmissionDetails(args: ResubmitArgs): Record<string, unknown> {
  return {
    changedFields: args.changedFields ?? [],
    documents: (args.documents ?? []).map((d) => ({ kind: d.kind, sha256: d.sha256 })),
    ...(args.note ? { note: args.note } : {}),
    ...reissuedCodeDetails(args),
  };
}

const payAction = (payment: PaymentConfirmation): FileAction => ({
  type: 'pay',
  reference: payment.reference,
});

/**
 * The rule of validator and handler alike: a reference applied before is a gateway's retry
 * (false); a new one needs a file the stage machine lets be paid (else ActionRefusedError).
 */
function isNewPayment(file: PermitFile, payment: PaymentConfirmation): boolean {
  if (file.paymentSeen(payment.reference)) return false;
  file.check(PAYMENT_GATEWAY, payAction(payment));
  return true;
}

/** Applies a new reference once, answering when it is recorded; a retry is answered at once. */
async function takePayment(file: PermitFile, payment: PaymentConfirmation): Promise<PaymentAnswer> {
  if (!refusedAsFailure(() => isNewPayment(file, payment))) {
    return { outcome: 'duplicate', file: fileView(file) };
  }
  const ticket = refusedAsFailure(() => file.accept(PAYMENT_GATEWAY, payAction(payment), { ...payment }));
  file.rememberPayment(payment.reference);
  return { outcome: 'accepted', file: await answerWhenCarriedOut(file, ticket) };
}

/**
 * The old signal's handler. A gateway may confirm the same payment several times; the reference
 * is applied once. A refused confirmation (file not awaiting payment) does not use it up.
 */
function confirmPayment(file: PermitFile, payment: PaymentConfirmation): void {
  if (file.paymentSeen(payment.reference)) return;
  try {
    file.accept(PAYMENT_GATEWAY, { type: 'pay', reference: payment.reference }, { ...payment });
    file.rememberPayment(payment.reference);
  } catch (error) {
    log.warn('payment confirmation ignored', { reference: payment.reference, error: String(error) });
  }
}
