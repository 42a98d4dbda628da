import type { TransitionRecord } from '../../activities/permit/permitActivityContract.js';
import type { PermitApplicationInput } from '../../workflows/permit/permitContract.js';
import { PermitFile } from './permitFile.js';
import { applicantNotice, stageAssignedNotice } from './permitNotices.js';

/**
 * A file as it stands once submitted, and the record of its submission (sequence 1: audit
 * event, read-model row, notices). Pure and deterministic from the input, so the intake that
 * stores the application records exactly the state the workflow starts from: the submission is
 * in the audit trail before the 201, and the workflow's first task needs no database step.
 */
export function openPermitFile(input: PermitApplicationInput): {
  file: PermitFile;
  submitted: TransitionRecord;
} {
  const file = new PermitFile(input);
  const stage = file.currentOfficerStage();
  if (stage) {
    // The intake plans the first stage's clock (planFirstStage in src/services/completeIntake.ts).
    const planned = input.firstStageClock;
    if (planned?.stageKey !== stage.key) {
      throw new Error(
        `the input of ${input.registrationNumber} carries no planned clock for its first stage ${stage.key}`,
      );
    }
    file.startStageClock(stage.key, planned.startedAt, planned.plan);
  }
  const submitted = file.transitionRecord(input.submittedAt, { kind: 'applicant' }, 'submitted', null, {
    details: {
      channel: input.channel,
      ...(input.submittedByOfficerId ? { submittedByOfficerId: input.submittedByOfficerId } : {}),
    },
    notifications: [
      applicantNotice(file, 'submitted', { deadline: file.stageDeadline }),
      ...(stage ? [stageAssignedNotice(file, stage)] : []),
    ],
  });
  return { file, submitted };
}
