// The one state object of a permit workflow: the stage machine's state plus what the workflow
// needs around it (stage clock, deadlines, queue of accepted actions, history). Pure and
// deterministic, so the workflow keeps it in memory and the intake builds the same file; its
// state changes only through the methods below.
import type {
  PauseRecord,
  PlanStageClockInput,
  StageClockPlan,
  TransitionRecord,
} from '../../activities/permit/permitActivityContract.js';
import type { HistoryEntry, PermitApplicationInput } from '../../workflows/permit/permitContract.js';
import { stageDepartment } from '../catalog/catalogLookup.js';
import type { OfficerStageDef, PaymentStageDef, StageDef } from '../catalog/catalogSchema.js';
import type { CheckpointKind } from '../sla/slaPlan.js';
import { stageClockInput } from '../sla/stageClockPlan.js';
import type { Actor, FileAction, Transition } from '../stages/fileActions.js';
import { type FileState, initialFileState, isFinalStatus } from '../stages/fileState.js';
import { ActionRefusedError } from '../stages/refusals.js';
import { decideOnStage, startsStatutoryClock } from '../stages/stageMachine.js';
import { actorForAudit, readModelRow } from './permitFileViews.js';
import { withClosingNotices } from './permitNotices.js';

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

/** The current officer stage's clock. */
export interface StageClock {
  readonly stageKey: string;
  readonly startedAt: string;
  readonly pauses: readonly PauseRecord[];
  readonly plan: StageClockPlan | null;
  readonly fired: ReadonlySet<CheckpointKind>;
}

export class PermitFile {
  #state: FileState = initialFileState();
  /** The state whose effects are carried out: an action still queued is not in it yet. */
  #settled: FileState = this.#state;
  #sequence = 0;
  #nextTicket = 1;
  readonly #queue: QueuedAction[] = [];
  readonly #processed = new Set<number>();
  readonly #paymentReferences = new Set<string>();
  readonly #history: HistoryEntry[] = [];
  #clock: StageClock | null = null;
  #pausedMsOfEarlierStages = 0;
  #applicantDeadline: string | null = null;
  #statutoryClockStartedAt: string | null = null;
  #permitNumber: string | null = null;
  #decidedAt: string | null = null;
  readonly #breachedStages: string[] = [];

  constructor(readonly input: PermitApplicationInput) {}

  get registrationNumber(): string {
    return this.input.registrationNumber;
  }
  get state(): FileState {
    return this.#state;
  }
  get isClosed(): boolean {
    return isFinalStatus(this.#state.status);
  }
  get history(): readonly HistoryEntry[] {
    return this.#history;
  }
  get clock(): StageClock | null {
    return this.#clock;
  }
  /** The current officer stage's deadline, once its clock is planned. */
  get stageDeadline(): string | null {
    return this.#clock?.plan?.deadline ?? null;
  }
  /** Working (or elapsed) time the clocks of all stages so far were stopped, closed pauses only. */
  get pausedMs(): number {
    return this.#pausedMsOfEarlierStages + (this.#clock?.plan?.pausedMs ?? 0);
  }
  get applicantDeadline(): string | null {
    return this.#applicantDeadline;
  }
  get statutoryClockStartedAt(): string | null {
    return this.#statutoryClockStartedAt;
  }
  get permitNumber(): string | null {
    return this.#permitNumber;
  }
  get decidedAt(): string | null {
    return this.#decidedAt;
  }
  get breachedStages(): readonly string[] {
    return this.#breachedStages;
  }

  currentStage(): StageDef {
    return this.input.permitType.stages[this.#state.stageIndex]!;
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

  /** The stage machine's decision, or ActionRefusedError when it refuses. */
  #decideOrThrow(actor: Actor, action: FileAction) {
    const decision = decideOnStage(this.input.permitType, this.#state, actor, action);
    if (!decision.ok) throw new ActionRefusedError(decision.refusal);
    return decision;
  }

  /** Validator: refuses (ActionRefusedError) without changing anything. */
  check(actor: Actor, action: FileAction): void {
    this.#decideOrThrow(actor, action);
  }

  /** Applies the decision to the state at once (so later validators see it) and queues its effects. */
  accept(actor: Actor, action: FileAction, details: Record<string, unknown> = {}): number {
    const decision = this.#decideOrThrow(actor, action);
    const ticket = this.#nextTicket++;
    this.#queue.push({
      ticket,
      actor,
      action,
      from: this.#state,
      to: decision.next,
      transition: decision.transition,
      details,
    });
    this.#state = decision.next;
    return ticket;
  }

  /**
   * The stage machine would deem the file approved now that its deadline is missed: asked of the
   * settled state, so an action accepted as the deadline passed does not count yet.
   */
  deemedApprovalDue(): boolean {
    return decideOnStage(
      this.input.permitType,
      this.#settled,
      { kind: 'system' },
      { type: 'deadline_missed' },
    ).ok;
  }

  hasQueued(): boolean {
    return this.#queue.length > 0;
  }

  takeQueued(): QueuedAction | undefined {
    return this.#queue.shift();
  }

  /** The action's effects are carried out: its handler may answer. */
  markCarriedOut(item: QueuedAction): void {
    this.#processed.add(item.ticket);
    this.#settled = item.to;
  }

  isProcessed(ticket: number): boolean {
    return this.#processed.has(ticket);
  }

  /** A payment reference already applied: duplicates from the gateway are ignored. */
  paymentSeen(reference: string): boolean {
    return this.#paymentReferences.has(reference);
  }

  rememberPayment(reference: string): void {
    this.#paymentReferences.add(reference);
  }

  /** Starts a stage's clock; its plan comes from the calendar activity, or with it when known. */
  startStageClock(stageKey: string, startedAt: string, plan: StageClockPlan | null = null): void {
    if (this.#clock) this.#pausedMsOfEarlierStages += this.#clock.plan?.pausedMs ?? 0;
    this.#clock = { stageKey, startedAt, pauses: [], plan, fired: new Set() };
  }

  /** What the calendar needs to plan the current officer stage's clock; null off an officer stage. */
  clockPlanInput(): PlanStageClockInput | null {
    const stage = this.currentOfficerStage();
    const clock = this.#clock;
    return stage && clock ? stageClockInput(stage, clock.startedAt, [...clock.pauses]) : null;
  }

  planClock(plan: StageClockPlan): void {
    if (this.#clock) this.#clock = { ...this.#clock, plan };
  }

  openPause(at: string, reason: string): void {
    if (this.#clock) this.#clock = { ...this.#clock, pauses: [...this.#clock.pauses, { from: at, reason }] };
  }

  closePause(at: string): void {
    const open = this.#clock?.pauses.at(-1);
    if (!this.#clock || !open || open.to !== undefined) return;
    this.#clock = { ...this.#clock, pauses: [...this.#clock.pauses.slice(0, -1), { ...open, to: at }] };
  }

  markFired(kind: CheckpointKind): void {
    if (this.#clock) this.#clock = { ...this.#clock, fired: new Set([...this.#clock.fired, kind]) };
  }

  markBreached(stageKey: string): void {
    this.#breachedStages.push(stageKey);
  }

  /** The applicant has until `at` to act (revision or payment); null once they need not. */
  setApplicantDeadline(at: string | null): void {
    this.#applicantDeadline = at;
  }

  /** Starts the statutory clock at `at` when the action declared the file complete. */
  startStatutoryClockOn(item: QueuedAction, at: string): void {
    if (startsStatutoryClock(item.from, item.to)) this.#statutoryClockStartedAt = at;
  }

  markDecided(at: string): void {
    this.#decidedAt = at;
  }

  grantPermit(permitNumber: string): void {
    this.#permitNumber = permitNumber;
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
    this.#sequence += 1;
    const sequence = this.#sequence;
    // The audit names the stage acted on and the role the actor acted in (the verifier who
    // approved the completeness check, not the role of the stage the file moved to).
    const stage = this.input.permitType.stages[extra.actedOnStageIndex ?? this.#state.stageIndex]!;
    const actorRecord = actorForAudit(actor, stage);
    const toStatus = this.#state.status;
    const reason = extra.reason ? { reason: extra.reason } : {};
    this.#history.push({
      sequence,
      at: occurredAt,
      action,
      actorKind: actorRecord.kind,
      ...(actorRecord.id ? { actorId: actorRecord.id } : {}),
      ...(actorRecord.role ? { actorRole: actorRecord.role } : {}),
      fromStatus,
      toStatus,
      stageKey: stage.key,
      ...reason,
    });
    return {
      workflowId: this.registrationNumber,
      sequence,
      occurredAt,
      actor: actorRecord,
      action,
      fromStatus,
      toStatus,
      stageKey: stage.key,
      ...reason,
      details: extra.details ?? {},
      readModel: readModelRow(this),
      notifications: withClosingNotices(this, fromStatus, toStatus, extra.notifications).map((n) => ({
        ...n,
        eventKey: `${this.registrationNumber}:${sequence}:${n.eventKey}`,
      })),
    };
  }
}
