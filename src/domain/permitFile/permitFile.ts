// The one state object of a permit workflow: the stage machine's state plus what the workflow
// needs around it (stage clock, queue of accepted actions, history). Pure: no Temporal calls
// except ApplicationFailure for refusals, so the workflow file stays a thin shell.
import { ApplicationFailure } from '@temporalio/workflow';
import type {
  PauseRecord,
  ReadModelUpdate,
  StageClockPlan,
  TransitionRecord,
} from '../../activities/permit/permitActivityContract.js';
import type {
  FileView,
  HistoryEntry,
  PermitApplicationInput,
} from '../../workflows/permit/permitContract.js';
import { stageDepartment } from '../catalog/catalogLookup.js';
import type { OfficerStageDef, PaymentStageDef, StageDef } from '../catalog/catalogSchema.js';
import type { Checkpoint, CheckpointKind } from '../sla/slaPlan.js';
import type { Actor, FileAction, Transition } from '../stages/fileActions.js';
import { type FileState, initialFileState, isFinalStatus } from '../stages/fileState.js';
import { decideOnStage } from '../stages/stageMachine.js';

/** An action accepted by an update or signal handler, waiting for the main loop's side effects. */
export interface QueuedAction {
  ticket: number;
  actor: Actor;
  action: FileAction;
  from: FileState;
  to: FileState;
  transition: Transition;
  details: Record<string, unknown>;
}

interface StageClock {
  stageKey: string;
  startedAt: string;
  pauses: PauseRecord[];
  plan: StageClockPlan | null;
  fired: Set<CheckpointKind>;
}

export type Timer =
  | { kind: 'checkpoint'; checkpoint: Checkpoint }
  | { kind: 'applicantDeadline'; at: string };

export class PermitFile {
  state: FileState = initialFileState();
  private sequence = 0;
  private nextTicket = 1;
  private readonly queue: QueuedAction[] = [];
  private readonly processed = new Set<number>();
  private readonly paymentReferences = new Set<string>();
  readonly history: HistoryEntry[] = [];
  clock: StageClock | null = null;
  applicantDeadline: string | null = null;
  statutoryClockStartedAt: string | null = null;
  permitNumber: string | null = null;
  decidedAt: string | null = null;
  readonly breachedStages: string[] = [];
  private pausedMsOfEarlierStages = 0;

  constructor(readonly input: PermitApplicationInput) {}

  get registrationNumber(): string {
    return this.input.registrationNumber;
  }

  get isClosed(): boolean {
    return isFinalStatus(this.state.status);
  }

  currentStage(): StageDef {
    return this.input.permitType.stages[this.state.stageIndex]!;
  }

  currentOfficerStage(): OfficerStageDef | null {
    const stage = this.currentStage();
    return stage.kind === 'officer_review' ? stage : null;
  }

  currentPaymentStage(): PaymentStageDef | null {
    const stage = this.currentStage();
    return stage.kind === 'applicant_payment' ? stage : null;
  }

  departmentOf(stage: StageDef): string {
    return stageDepartment(this.input.permitType, stage);
  }

  /** The stage machine's decision, or a typed, non-retryable failure when it refuses. */
  private decideOrThrow(actor: Actor, action: FileAction) {
    const decision = decideOnStage(this.input.permitType, this.state, actor, action);
    if (!decision.ok) {
      throw ApplicationFailure.create({
        type: decision.refusal.reason,
        message: decision.refusal.message.en,
        nonRetryable: true,
        details: [decision.refusal],
      });
    }
    return decision;
  }

  /** Validator: refuses without changing anything. */
  check(actor: Actor, action: FileAction): void {
    this.decideOrThrow(actor, action);
  }

  /** Applies the decision to the state at once (so later validators see it) and queues its effects. */
  accept(actor: Actor, action: FileAction, details: Record<string, unknown> = {}): number {
    const decision = this.decideOrThrow(actor, action);
    const ticket = this.nextTicket++;
    this.queue.push({
      ticket,
      actor,
      action,
      from: this.state,
      to: decision.next,
      transition: decision.transition,
      details,
    });
    this.state = decision.next;
    return ticket;
  }

  hasQueued(): boolean {
    return this.queue.length > 0;
  }

  takeQueued(): QueuedAction | undefined {
    return this.queue.shift();
  }

  markProcessed(ticket: number): void {
    this.processed.add(ticket);
  }

  isProcessed(ticket: number): boolean {
    return this.processed.has(ticket);
  }

  /** A payment reference already applied: duplicates from the gateway are ignored. */
  paymentSeen(reference: string): boolean {
    return this.paymentReferences.has(reference);
  }

  rememberPayment(reference: string): void {
    this.paymentReferences.add(reference);
  }

  /** Starts a stage's clock; its plan comes from the calendar activity, or with it when known. */
  startStageClock(stageKey: string, startedAt: string, plan: StageClockPlan | null = null): void {
    if (this.clock) this.pausedMsOfEarlierStages += this.clock.plan?.pausedMs ?? 0;
    this.clock = { stageKey, startedAt, pauses: [], plan, fired: new Set() };
  }

  openPause(at: string, reason: string): void {
    this.clock?.pauses.push({ from: at, reason });
  }

  closePause(at: string): void {
    const open = this.clock?.pauses.at(-1);
    if (open && open.to === undefined) open.to = at;
  }

  markFired(kind: CheckpointKind): void {
    this.clock?.fired.add(kind);
  }

  /** What the main loop waits for next, given the status. */
  nextTimer(): Timer | null {
    if (this.state.status === 'IN_REVIEW') {
      const next = this.clock?.plan?.checkpoints.find((c) => !this.clock?.fired.has(c.kind));
      return next ? { kind: 'checkpoint', checkpoint: next } : null;
    }
    if (this.state.status === 'AWAITING_REVISION' || this.state.status === 'AWAITING_PAYMENT') {
      return this.applicantDeadline ? { kind: 'applicantDeadline', at: this.applicantDeadline } : null;
    }
    return null;
  }

  /** Builds the audit record and the read-model row for the current state, with the next sequence. */
  transitionRecord(
    occurredAt: string,
    actor: Actor,
    action: string,
    fromStatus: FileState['status'] | null,
    extra: Pick<TransitionRecord, 'notifications'> & {
      reason?: string;
      details?: Record<string, unknown>;
      /** The stage the action was taken on, when the transition moved the file past it. */
      actedOnStageIndex?: number;
    },
  ): TransitionRecord {
    this.sequence += 1;
    // The audit names the stage acted on and the role the actor acted in (the verifier who
    // approved the completeness check, not the role of the stage the file moved to).
    const stage = this.input.permitType.stages[extra.actedOnStageIndex ?? this.state.stageIndex]!;
    const actorRecord = actorForAudit(actor, stage);
    const entry: HistoryEntry = {
      sequence: this.sequence,
      at: occurredAt,
      action,
      actorKind: actorRecord.kind,
      ...(actorRecord.id ? { actorId: actorRecord.id } : {}),
      ...(actorRecord.role ? { actorRole: actorRecord.role } : {}),
      fromStatus,
      toStatus: this.state.status,
      stageKey: stage.key,
      ...(extra.reason ? { reason: extra.reason } : {}),
    };
    this.history.push(entry);
    return {
      workflowId: this.registrationNumber,
      sequence: this.sequence,
      occurredAt,
      actor: actorRecord,
      action,
      fromStatus,
      toStatus: this.state.status,
      stageKey: stage.key,
      ...(extra.reason ? { reason: extra.reason } : {}),
      details: extra.details ?? {},
      readModel: this.readModel(),
      notifications: extra.notifications.map((n) => ({
        ...n,
        eventKey: `${this.registrationNumber}:${this.sequence}:${n.eventKey}`,
      })),
    };
  }

  private pausedMsTotal(): number {
    return this.pausedMsOfEarlierStages + (this.clock?.plan?.pausedMs ?? 0);
  }

  readModel(): ReadModelUpdate {
    const stage = this.currentStage();
    const closed = this.isClosed;
    const waitingOnApplicant =
      this.state.status === 'AWAITING_REVISION' || this.state.status === 'AWAITING_PAYMENT';
    const officerStage = stage.kind === 'officer_review';
    return {
      status: this.state.status,
      stageKey: stage.key,
      stageIndex: this.state.stageIndex,
      assignedRole: closed ? null : waitingOnApplicant ? 'applicant' : officerStage ? stage.role : null,
      assignedDepartment: closed ? null : this.departmentOf(stage),
      deadline: closed
        ? null
        : waitingOnApplicant
          ? this.applicantDeadline
          : (this.clock?.plan?.deadline ?? null),
      deadlineClock: closed ? null : waitingOnApplicant ? 'elapsed' : (this.clock?.plan?.clock ?? null),
      deadlineUncovered: !closed && !waitingOnApplicant && (this.clock?.plan?.deadlineUncovered ?? false),
      paused: this.state.status === 'AWAITING_REVISION',
      pausedWorkingMs: this.pausedMsTotal(),
      pauseCount: this.history.filter((h) => h.action === 'revision_requested').length,
      clockStartedAt: this.statutoryClockStartedAt,
      decidedAt: this.decidedAt,
      decidedWithinSla: this.decidedAt ? this.breachedStages.length === 0 : null,
      permitNumber: this.permitNumber,
    };
  }

  view(): FileView {
    const stage = this.currentStage();
    const clock = this.clock;
    return {
      registrationNumber: this.registrationNumber,
      permitTypeCode: this.input.permitType.code,
      status: this.state.status,
      stageIndex: this.state.stageIndex,
      stageKey: stage.key,
      revisionRounds: { ...this.state.revisionRounds },
      clock: clock
        ? {
            stageKey: clock.stageKey,
            startedAt: clock.startedAt,
            deadline: clock.plan?.deadline ?? null,
            deadlineUncovered: clock.plan?.deadlineUncovered ?? false,
            paused: clock.pauses.some((p) => p.to === undefined),
            pausedMs: clock.plan?.pausedMs ?? 0,
            pauseCount: clock.pauses.length,
            firedCheckpoints: [...clock.fired],
          }
        : null,
      applicantDeadline: this.applicantDeadline,
      statutoryClockStartedAt: this.statutoryClockStartedAt,
      permitNumber: this.permitNumber,
      breachedStages: [...this.breachedStages],
      history: this.history.map((h) => ({ ...h })),
    };
  }
}

function actorForAudit(actor: Actor, stage: StageDef): TransitionRecord['actor'] {
  switch (actor.kind) {
    case 'officer':
      // The role the officer acted in: the stage's, which the stage machine checked they hold.
      return { kind: 'officer', id: actor.officerId, role: stage.role };
    case 'applicant':
      return { kind: 'applicant', role: 'applicant' };
    case 'payment_gateway':
      return { kind: 'payment_gateway' };
    default:
      return { kind: 'system' };
  }
}
