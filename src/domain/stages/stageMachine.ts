// The stage machine: given a permit type, a file's state, an actor and an action, decides
// whether the action is allowed and what the next state is. Temporal workflows call it in
// Update validators and handlers, so it is pure and deterministic: no I/O, no clock, no
// randomness, no node: imports, and only type imports from the catalog.
//
// Order of checks, so the most useful refusal wins:
//   closed file → actor kind → file status/stage → role → department → payload → limits.

import { stageDepartment } from '../catalog/catalogLookup.js';
import type { OfficerStageDef, PermitTypeRules, StageDef } from '../catalog/catalogSchema.js';
import type { Actor, FileAction, FileActionType, Transition } from './fileActions.js';
import { FILE_ACTION_TYPES } from './fileActions.js';
import { type FileState, isFinalStatus } from './fileState.js';
import { type Refusal, type RefusalReason, refusalMessage } from './refusals.js';

export type Decision =
  | { ok: true; next: FileState; transition: Transition }
  | { ok: false; refusal: Refusal };

/** The completeness check is always stage 0 (the catalog enforces it). */
export const COMPLETENESS_STAGE_INDEX = 0;

/** A state the workflow could never have produced: a programming error, not a refusal. */
export class InconsistentFileStateError extends Error {
  override readonly name = 'InconsistentFileStateError';
}

export function currentStage(permitType: PermitTypeRules, state: FileState): StageDef {
  const stage = Number.isInteger(state.stageIndex) ? permitType.stages[state.stageIndex] : undefined;
  if (!stage) {
    throw new InconsistentFileStateError(`${permitType.code}: no stage at index ${state.stageIndex}`);
  }
  const officerStatus = state.status === 'IN_REVIEW' || state.status === 'AWAITING_REVISION';
  if (
    (officerStatus && stage.kind !== 'officer_review') ||
    (state.status === 'AWAITING_PAYMENT' && stage.kind !== 'applicant_payment')
  ) {
    throw new InconsistentFileStateError(
      `${permitType.code}: status ${state.status} on ${stage.kind} stage '${stage.key}'`,
    );
  }
  return stage;
}

/**
 * The statutory clock (UU 30/2014 art. 53) starts when the file is declared complete, i.e.
 * once the completeness stage is approved. Deemed approval can only follow from a deadline
 * missed after that.
 */
export function statutoryClockStarted(state: FileState): boolean {
  return state.stageIndex > COMPLETENESS_STAGE_INDEX;
}

/** The transition from `from` to `to` declares the file complete: the statutory clock starts with it. */
export function startsStatutoryClock(from: FileState, to: FileState): boolean {
  return !statutoryClockStarted(from) && statutoryClockStarted(to);
}

const isBlank = (text: unknown): boolean => typeof text !== 'string' || text.trim() === '';

/** State on entering stage `index`: officer stages are reviewed, payment stages wait for the applicant. */
function enterStage(permitType: PermitTypeRules, state: FileState, index: number): FileState {
  const stage = permitType.stages[index];
  if (!stage) return { ...state, status: 'ISSUED' };
  return {
    ...state,
    stageIndex: index,
    status: stage.kind === 'officer_review' ? 'IN_REVIEW' : 'AWAITING_PAYMENT',
  };
}

function decideOfficerAction(
  permitType: PermitTypeRules,
  state: FileState,
  stage: StageDef,
  actor: Actor,
  action: Extract<FileAction, { type: 'approve' | 'reject' | 'revise' }>,
  refuse: (reason: RefusalReason) => Decision,
): Decision {
  if (actor.kind !== 'officer') return refuse('NOT_OFFICER');
  if (state.status !== 'IN_REVIEW' || stage.kind !== 'officer_review') return refuse('WRONG_STAGE');
  if (!actor.roles.includes(stage.role)) return refuse('WRONG_ROLE');
  if (!actor.departments.includes(stageDepartment(permitType, stage))) return refuse('WRONG_DEPARTMENT');

  switch (action.type) {
    case 'approve': {
      const isLast = state.stageIndex === permitType.stages.length - 1;
      if (isLast) return { ok: true, next: { ...state, status: 'ISSUED' }, transition: 'issued' };
      const next = enterStage(permitType, state, state.stageIndex + 1);
      return {
        ok: true,
        next,
        transition: next.status === 'AWAITING_PAYMENT' ? 'payment_requested' : 'stage_approved',
      };
    }
    case 'reject':
      if (isBlank(action.reason)) return refuse('MISSING_REASON');
      return { ok: true, next: { ...state, status: 'REJECTED' }, transition: 'rejected' };
    case 'revise': {
      const used = state.revisionRounds[stage.key] ?? 0;
      if (used >= stage.maxRevisionRounds) return refuse('REVISION_LIMIT_REACHED');
      if (isBlank(action.note)) return refuse('MISSING_NOTE');
      return {
        ok: true,
        next: {
          ...state,
          status: 'AWAITING_REVISION',
          revisionRounds: { ...state.revisionRounds, [stage.key]: used + 1 },
        },
        transition: 'revision_requested',
      };
    }
  }
}

/** Decides one action. Never throws for a refused action; throws only on an inconsistent state. */
export function decideOnStage(
  permitType: PermitTypeRules,
  state: FileState,
  actor: Actor,
  action: FileAction,
): Decision {
  const stage = currentStage(permitType, state);
  const refuse = (reason: RefusalReason): Decision => ({
    ok: false,
    refusal: {
      reason,
      message: refusalMessage(reason, {
        status: state.status,
        stageName: stage.name,
        role: stage.role,
        department: stageDepartment(permitType, stage),
        maxRevisionRounds: (stage as Partial<OfficerStageDef>).maxRevisionRounds,
      }),
    },
  });

  if (isFinalStatus(state.status)) return refuse('CLOSED_FILE');

  switch (action.type) {
    case 'approve':
    case 'reject':
    case 'revise':
      return decideOfficerAction(permitType, state, stage, actor, action, refuse);

    case 'resubmit':
      if (actor.kind !== 'applicant') return refuse('NOT_APPLICANT');
      if (state.status !== 'AWAITING_REVISION') return refuse('WRONG_STAGE');
      return { ok: true, next: { ...state, status: 'IN_REVIEW' }, transition: 'resubmitted' };

    case 'withdraw':
      if (actor.kind !== 'applicant') return refuse('NOT_APPLICANT');
      return { ok: true, next: { ...state, status: 'WITHDRAWN' }, transition: 'withdrawn' };

    case 'pay': {
      // Only the gateway callback (or the system reconciling bank statements) confirms money;
      // an officer marking a file paid is exactly the kind of shortcut that invites abuse.
      if (actor.kind !== 'payment_gateway' && actor.kind !== 'system') return refuse('NOT_PAYMENT_CONFIRMER');
      if (state.status !== 'AWAITING_PAYMENT') return refuse('WRONG_STAGE');
      if (isBlank(action.reference)) return refuse('MISSING_REFERENCE');
      const next = enterStage(
        permitType,
        { ...state, paymentReference: action.reference.trim() },
        state.stageIndex + 1,
      );
      return { ok: true, next, transition: 'paid' };
    }

    case 'lapse':
      if (actor.kind !== 'system') return refuse('NOT_SYSTEM');
      if (state.status !== 'AWAITING_REVISION' && state.status !== 'AWAITING_PAYMENT')
        return refuse('WRONG_STAGE');
      return { ok: true, next: { ...state, status: 'EXPIRED' }, transition: 'expired' };

    case 'deadline_missed':
      if (actor.kind !== 'system') return refuse('NOT_SYSTEM');
      if (state.status !== 'IN_REVIEW') return refuse('WRONG_STAGE');
      if (!permitType.deemedApproval?.enabled) return refuse('DEEMED_APPROVAL_DISABLED');
      if (!statutoryClockStarted(state)) return refuse('STATUTORY_CLOCK_NOT_STARTED');
      return { ok: true, next: { ...state, status: 'DEEMED_APPROVED' }, transition: 'deemed_approved' };

    default:
      // Update arguments come from outside; an action type the machine does not know is refused.
      return refuse('UNKNOWN_ACTION');
  }
}

/** A well-formed example of each action, to ask the machine whether the action type is open. */
const SAMPLE_ACTIONS: Readonly<Record<FileActionType, FileAction>> = {
  approve: { type: 'approve' },
  reject: { type: 'reject', reason: 'sample' },
  revise: { type: 'revise', note: 'sample' },
  resubmit: { type: 'resubmit' },
  withdraw: { type: 'withdraw' },
  pay: { type: 'pay', reference: 'sample' },
  lapse: { type: 'lapse' },
  deadline_missed: { type: 'deadline_missed' },
};

/** The action types this actor may take now (given a non-blank reason/note/reference). */
export function allowedActions(
  permitType: PermitTypeRules,
  state: FileState,
  actor: Actor,
): FileActionType[] {
  return FILE_ACTION_TYPES.filter((type) => decideOnStage(permitType, state, actor, SAMPLE_ACTIONS[type]).ok);
}

export type PendingActor =
  | { kind: 'officer'; stageKey: string; role: string; department: string }
  | { kind: 'applicant'; stageKey: string; waitingFor: 'revision' | 'payment' };

/** Who the file is waiting on (for inboxes and status pages); null once the file is closed. */
export function pendingActor(permitType: PermitTypeRules, state: FileState): PendingActor | null {
  if (isFinalStatus(state.status)) return null;
  const stage = currentStage(permitType, state);
  if (state.status === 'AWAITING_REVISION')
    return { kind: 'applicant', stageKey: stage.key, waitingFor: 'revision' };
  if (state.status === 'AWAITING_PAYMENT')
    return { kind: 'applicant', stageKey: stage.key, waitingFor: 'payment' };
  return {
    kind: 'officer',
    stageKey: stage.key,
    role: stage.role,
    department: stageDepartment(permitType, stage),
  };
}
