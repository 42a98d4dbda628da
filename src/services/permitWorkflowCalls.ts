import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Refusal } from '../domain/stages/refusals.js';
import type { Officer } from '../repositories/officerRepository.js';
import {
  confirmPaymentUpdate,
  decideUpdate,
  type FileView,
  type OfficerDecision,
  type OfficerIdentity,
  type PaymentAnswer,
  type PaymentConfirmation,
  type ReissuedCodeMark,
  type ResubmitArgs,
  reissuedCodeDetails,
  resubmitUpdate,
  withdrawUpdate,
} from '../workflows/permit/permitContract.js';
import { applicationNotFound, ServiceError } from './serviceError.js';

// The calls the services make to a file's workflow (Updates), each with Temporal's
// answers turned into ServiceErrors. Who may make them is checked before, by the services.

export interface WorkflowCallDependencies {
  temporal: Client;
}

function officerIdentity(officer: Officer): OfficerIdentity {
  return { kind: 'officer', officerId: officer.id, roles: officer.roles, departments: officer.departments };
}

/**
 * Turns what Temporal answered into a ServiceError: a validator's refusal keeps its typed
 * reason (WRONG_ROLE, CLOSED_FILE, ...) and its message in both languages.
 */
function asServiceError(error: unknown): unknown {
  // An update to a file whose workflow has completed, or that completed before taking it in:
  // the file is closed. The server says so with a NOT_FOUND status (WorkflowNotFoundError)
  // naming the completed execution or the aborted update.
  if (
    error instanceof Error &&
    /workflow execution already completed|update was aborted by closing workflow/i.test(error.message)
  ) {
    return new ServiceError(
      'REFUSED',
      {
        id: 'Berkas ini sudah selesai diproses; tidak ada tindakan lagi.',
        en: 'This file is closed; no further action is possible.',
      },
      { reason: 'CLOSED_FILE' },
    );
  }
  if (error instanceof WorkflowNotFoundError) return applicationNotFound();
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const refusal = error.cause.details?.[0] as Refusal | undefined;
    const reason = error.cause.type ?? 'REFUSED';
    return new ServiceError(
      'REFUSED',
      refusal?.message ?? { id: error.cause.message, en: error.cause.message },
      {
        reason,
      },
    );
  }
  return error;
}

async function runUpdate<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asServiceError(error);
  }
}

/**
 * An officer's decision on a file. `updateId` is the caller's idempotency key (Telegram update
 * or callback ID, HTTP Idempotency-Key): Temporal applies one update ID once per file.
 */
export function sendDecision(
  deps: WorkflowCallDependencies,
  officer: Officer,
  registrationNumber: string,
  decision: OfficerDecision,
  updateId: string,
): Promise<FileView> {
  const handle = deps.temporal.workflow.getHandle(registrationNumber);
  return runUpdate(() =>
    handle.executeUpdate(decideUpdate, {
      args: [{ officer: officerIdentity(officer), ...decision }],
      updateId: `decide:${updateId}`,
    }),
  );
}

/** The applicant sends corrected items after a revision request; the stage clock resumes. */
export function sendResubmission(
  deps: WorkflowCallDependencies,
  registrationNumber: string,
  changes: ResubmitArgs,
  updateId: string,
): Promise<FileView> {
  const handle = deps.temporal.workflow.getHandle(registrationNumber);
  return runUpdate(() =>
    handle.executeUpdate(resubmitUpdate, { args: [changes], updateId: `resubmit:${updateId}` }),
  );
}

export function sendWithdrawal(
  deps: WorkflowCallDependencies,
  registrationNumber: string,
  reason: string | undefined,
  updateId: string,
  mark: ReissuedCodeMark = {},
): Promise<FileView> {
  const handle = deps.temporal.workflow.getHandle(registrationNumber);
  return runUpdate(() =>
    handle.executeUpdate(withdrawUpdate, {
      args: [{ ...(reason ? { reason } : {}), ...reissuedCodeDetails(mark) }],
      updateId: `withdraw:${updateId}`,
    }),
  );
}

/**
 * A gateway's payment confirmation. The workflow's validator refuses it (as a ServiceError with
 * the stage machine's reason) when the file does not await payment; a reference it applied
 * before is answered `duplicate`, so the gateway's retries are harmless.
 */
export function sendPaymentConfirmation(
  deps: WorkflowCallDependencies,
  registrationNumber: string,
  payment: PaymentConfirmation,
): Promise<PaymentAnswer> {
  const handle = deps.temporal.workflow.getHandle(registrationNumber);
  return runUpdate(() => handle.executeUpdate(confirmPaymentUpdate, { args: [payment] }));
}
