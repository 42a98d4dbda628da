// Notices a permit file's transitions queue in the outbox. Pure: built the same way by the
// workflow and by the intake that records a file's submission.
import type { NotificationRequest } from '../../activities/permit/permitActivityContract.js';
import type { OfficerStageDef } from '../catalog/catalogSchema.js';
import type { PermitFile } from './permitFile.js';

export function applicantNotice(
  file: PermitFile,
  template: string,
  params: NotificationRequest['params'] = {},
): NotificationRequest {
  return {
    eventKey: 'applicant',
    audience: 'applicant',
    recipient: {},
    template,
    params: { registrationNumber: file.registrationNumber, ...params },
  };
}

/** Tells the stage's role (in the file's department for it) that the file is theirs now. */
export function stageAssignedNotice(file: PermitFile, stage: OfficerStageDef): NotificationRequest {
  return {
    eventKey: 'role',
    audience: 'role',
    recipient: { role: stage.role, department: file.departmentOf(stage) },
    template: 'stage_assigned',
    params: {
      registrationNumber: file.registrationNumber,
      stage: stage.key,
      deadline: file.clock?.plan?.deadline ?? null,
    },
  };
}
