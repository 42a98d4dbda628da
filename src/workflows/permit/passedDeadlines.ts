// A deadline passed while no action was queued: the applicant's lapses the file; each SLA
// checkpoint of the officer stage escalates one level further.
import type { NotificationRequest } from '../../activities/permit/permitActivityContract.js';
import type { OfficerStageDef } from '../../domain/catalog/catalogSchema.js';
import type { Timer } from '../../domain/permitFile/fileTimers.js';
import type { PermitFile } from '../../domain/permitFile/permitFile.js';
import {
  slaBreachNotice,
  slaReminderNotice,
  slaSecondLevelNotice,
} from '../../domain/permitFile/permitNotices.js';
import type { Checkpoint } from '../../domain/sla/slaPlan.js';
import type { Actor } from '../../domain/stages/fileActions.js';
import { transitions } from './permitActivityProxies.js';
import { refusedAsFailure } from './refusalFailure.js';

const SYSTEM: Actor = { kind: 'system' };

export async function fire(file: PermitFile, timer: Timer): Promise<void> {
  if (timer.kind === 'applicantDeadline') return lapse(file);
  const stage = file.currentOfficerStage()!;
  const { checkpoint } = timer;
  file.markFired(checkpoint.kind);
  switch (checkpoint.kind) {
    case 'reminder':
      return recordCheckpoint(file, 'sla_reminder', checkpoint, slaReminderNotice(file, stage));
    case 'breach':
      return breach(file, stage, checkpoint);
    case 'secondLevel':
      return recordCheckpoint(file, 'sla_second_level', checkpoint, slaSecondLevelNotice(file, stage));
  }
}

function lapse(file: PermitFile): void {
  refusedAsFailure(() =>
    file.accept(SYSTEM, { type: 'lapse' }, { reason: 'the applicant did not respond before the deadline' }),
  );
}

/** The managers are alerted; where the law deems a late file approved, the stage machine says so. */
async function breach(file: PermitFile, stage: OfficerStageDef, checkpoint: Checkpoint): Promise<void> {
  file.markBreached(stage.key);
  await recordCheckpoint(file, 'sla_breached', checkpoint, slaBreachNotice(file, stage));
  if (file.deemedApprovalDue()) refusedAsFailure(() => file.accept(SYSTEM, { type: 'deadline_missed' }));
}

async function recordCheckpoint(
  file: PermitFile,
  action: string,
  checkpoint: Checkpoint,
  notice: NotificationRequest,
): Promise<void> {
  const record = file.transitionRecord(new Date().toISOString(), SYSTEM, action, file.state.status, {
    details: { dueAt: checkpoint.at },
    notifications: [notice],
  });
  await transitions.recordTransition(record);
}
