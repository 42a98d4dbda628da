// The permit workflow's public contract: its input, updates, signal and query. The service
// layer imports these definitions to talk to a running file; nothing here runs any I/O.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { PermitTypeRules } from '../../domain/catalog/catalogSchema.js';
import type { StageClockPlan } from '../../domain/sla/stageClockPlan.js';
import type { FileStatus } from '../../domain/stages/fileState.js';

export const PERMIT_WORKFLOW_TYPE = 'permitApplicationWorkflow';

export type Channel = 'telegram' | 'api' | 'counter';

export interface DocumentRef {
  kind: string;
  sha256: string;
  mimeType: string;
  sizeBytes: number;
  /** Telegram file ID, when the document came through the bot. */
  telegramFileId?: string;
}

export interface PermitApplicationInput {
  registrationNumber: string;
  /**
   * The permit type's rules as they were at submission: later catalog edits do not change a
   * running file. The input carries no form data or documents: those live in the read model,
   * so workflow history (visible in the Temporal Web UI) holds no personal data.
   */
  permitType: PermitTypeRules;
  channel: Channel;
  /** Computed by the system from the catalog's fee formula at submission, never typed by an officer. */
  fee: { amount: number };
  /** The officer who entered a walk-in applicant's file at the counter. */
  submittedByOfficerId?: string;
  /** When the application was stored (its row's submitted_at): the time of its audit event. */
  submittedAt: string;
  /** The first stage's clock, started at submission (absent when the file starts with payment). */
  firstStageClock?: FirstStageClock;
}

export interface FirstStageClock {
  stageKey: string;
  startedAt: string;
  plan: StageClockPlan;
}

export interface OfficerIdentity {
  kind: 'officer';
  officerId: string;
  roles: string[];
  departments: string[];
}

export type OfficerDecision =
  | { decision: 'approve'; note?: string }
  | { decision: 'reject'; reason: string }
  | { decision: 'revise'; note: string };

export type DecideArgs = { officer: OfficerIdentity } & OfficerDecision;

/** Marks an applicant's action taken with an access code an officer reissued at the counter. */
export interface ReissuedCodeMark {
  /** The officer who issued the code used; recorded with the action in the audit trail. */
  accessCodeReissuedBy?: string;
}

/** The mark as the audit event's details carry it; nothing for the applicant's own code. */
export function reissuedCodeDetails(mark: ReissuedCodeMark): { accessCodeReissuedBy?: string } {
  return mark.accessCodeReissuedBy ? { accessCodeReissuedBy: mark.accessCodeReissuedBy } : {};
}

export interface ResubmitArgs extends ReissuedCodeMark {
  /** Keys of the corrected fields; their values go to the read model, not into history. */
  changedFields?: string[];
  documents?: DocumentRef[];
  note?: string;
}

export interface WithdrawArgs extends ReissuedCodeMark {
  reason?: string;
}

export interface PaymentConfirmation {
  reference: string;
  amount: number;
  paidAt: string;
}

/** A confirmation taken: applied now, or its reference was applied before (a gateway's retry). */
export interface PaymentAnswer {
  outcome: 'accepted' | 'duplicate';
  file: FileView;
}

export interface HistoryEntry {
  sequence: number;
  at: string;
  action: string;
  actorKind: string;
  actorId?: string;
  actorRole?: string;
  fromStatus: FileStatus | null;
  toStatus: FileStatus;
  stageKey: string | null;
  reason?: string;
}

export interface StageClockView {
  stageKey: string;
  startedAt: string;
  deadline: string | null;
  deadlineUncovered: boolean;
  paused: boolean;
  /** Working (or, for duration SLAs, elapsed) time the clock was stopped, closed pauses only. */
  pausedMs: number;
  pauseCount: number;
  firedCheckpoints: string[];
}

/** The whole current state of a file, as the query and every update answer it. */
export interface FileView {
  registrationNumber: string;
  permitTypeCode: string;
  status: FileStatus;
  stageIndex: number;
  stageKey: string;
  revisionRounds: Record<string, number>;
  /** The officer stage clock, or the applicant's response deadline while the file waits on them. */
  clock: StageClockView | null;
  applicantDeadline: string | null;
  statutoryClockStartedAt: string | null;
  permitNumber: string | null;
  breachedStages: string[];
  history: HistoryEntry[];
}

export const decideUpdate = defineUpdate<FileView, [DecideArgs]>('decide');
export const resubmitUpdate = defineUpdate<FileView, [ResubmitArgs]>('resubmit');
export const withdrawUpdate = defineUpdate<FileView, [WithdrawArgs]>('withdraw');
/** Refused by its validator (409 for the gateway to refund) when the file does not await payment. */
export const confirmPaymentUpdate = defineUpdate<PaymentAnswer, [PaymentConfirmation]>('confirmPayment');
/**
 * No longer sent (confirmations go through confirmPaymentUpdate, which can be refused); its
 * handler stays registered so running files and recorded histories that hold it still replay.
 */
export const paymentConfirmedSignal = defineSignal<[PaymentConfirmation]>('paymentConfirmed');
export const fileStateQuery = defineQuery<FileView>('fileState');
