// What a permit file shows outside: the read-model row its transitions store, the view its
// query and updates answer, and the actor its audit events name. Read-only projections.
import type { ReadModelUpdate, TransitionRecord } from '../../activities/permit/permitActivityContract.js';
import type { FileView } from '../../workflows/permit/permitContract.js';
import type { StageDef } from '../catalog/catalogSchema.js';
import type { Actor } from '../stages/fileActions.js';
import type { PermitFile } from './permitFile.js';

export function readModelRow(file: PermitFile): ReadModelUpdate {
  const stage = file.currentStage();
  const { status } = file.state;
  const closed = file.isClosed;
  const waitingOnApplicant = status === 'AWAITING_REVISION' || status === 'AWAITING_PAYMENT';
  const officerStage = stage.kind === 'officer_review';
  const plan = file.clock?.plan;
  return {
    status,
    stageKey: stage.key,
    stageIndex: file.state.stageIndex,
    assignedRole: closed ? null : waitingOnApplicant ? 'applicant' : officerStage ? stage.role : null,
    assignedDepartment: closed ? null : file.departmentOf(stage),
    deadline: closed ? null : waitingOnApplicant ? file.applicantDeadline : (plan?.deadline ?? null),
    deadlineClock: closed ? null : waitingOnApplicant ? 'elapsed' : (plan?.clock ?? null),
    deadlineUncovered: !closed && !waitingOnApplicant && (plan?.deadlineUncovered ?? false),
    paused: status === 'AWAITING_REVISION',
    pausedWorkingMs: file.pausedMs,
    pauseCount: file.history.filter((h) => h.action === 'revision_requested').length,
    clockStartedAt: file.statutoryClockStartedAt,
    decidedAt: file.decidedAt,
    decidedWithinSla: file.decidedAt ? file.breachedStages.length === 0 : null,
    permitNumber: file.permitNumber,
  };
}

/** The whole current state of a file, as copies: the caller cannot change the file through it. */
export function fileView(file: PermitFile): FileView {
  const stage = file.currentStage();
  const clock = file.clock;
  return {
    registrationNumber: file.registrationNumber,
    permitTypeCode: file.input.permitType.code,
    status: file.state.status,
    stageIndex: file.state.stageIndex,
    stageKey: stage.key,
    revisionRounds: { ...file.state.revisionRounds },
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
    applicantDeadline: file.applicantDeadline,
    statutoryClockStartedAt: file.statutoryClockStartedAt,
    permitNumber: file.permitNumber,
    breachedStages: [...file.breachedStages],
    history: file.history.map((h) => ({ ...h })),
  };
}

export function actorForAudit(actor: Actor, stage: StageDef): TransitionRecord['actor'] {
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
