// Every notice a permit file's transitions and SLA checkpoints queue in the outbox. Pure: built
// the same way by the workflow and by the intake that records a file's submission.
import type { NotificationRequest } from '../../activities/permit/permitActivityContract.js';
import type { OfficerStageDef } from '../catalog/catalogSchema.js';
import { type FileStatus, isFinalStatus } from '../stages/fileState.js';
import type { PermitFile } from './permitFile.js';

type Params = NotificationRequest['params'];

export function applicantNotice(
  file: PermitFile,
  template: string,
  params: Params = {},
): NotificationRequest {
  return {
    eventKey: 'applicant',
    audience: 'applicant',
    recipient: {},
    template,
    params: { registrationNumber: file.registrationNumber, ...params },
  };
}

/**
 * The notices of a transition, with the satisfaction survey's invitation to the applicant after
 * those of the transition that closes the file: a closed file never moves again, so the
 * applicant is invited once. It carries the registration number only.
 */
export function withClosingNotices(
  file: PermitFile,
  fromStatus: FileStatus | null,
  toStatus: FileStatus,
  notices: readonly NotificationRequest[],
): NotificationRequest[] {
  const closes = isFinalStatus(toStatus) && (fromStatus === null || !isFinalStatus(fromStatus));
  if (!closes) return [...notices];
  return [...notices, { ...applicantNotice(file, 'survey_invitation'), eventKey: 'survey_invitation' }];
}

/** Tells the stage's role (in the file's department for it) that the file is theirs now. */
export function stageAssignedNotice(file: PermitFile, stage: OfficerStageDef): NotificationRequest {
  return roleNotice(file, stage, 'stage_assigned', stageParams(file, stage));
}

/** Tells the stage's role that the applicant sent the requested corrections. */
export function resubmittedToOfficerNotice(file: PermitFile, stage: OfficerStageDef): NotificationRequest {
  return roleNotice(file, stage, 'resubmitted_to_officer', {
    registrationNumber: file.registrationNumber,
    deadline: file.stageDeadline,
  });
}

/** Reminds the stage's role that its deadline is near. */
export function slaReminderNotice(file: PermitFile, stage: OfficerStageDef): NotificationRequest {
  return roleNotice(file, stage, 'sla_reminder', stageParams(file, stage));
}

/** Alerts the managers of the stage's department that its deadline passed. */
export function slaBreachNotice(file: PermitFile, stage: OfficerStageDef): NotificationRequest {
  return {
    eventKey: 'managers',
    audience: 'managers',
    recipient: { department: file.departmentOf(stage) },
    template: 'sla_breach',
    params: stageParams(file, stage),
  };
}

/** Alerts the stage's second escalation level; its clock plans this checkpoint only when one is set. */
export function slaSecondLevelNotice(file: PermitFile, stage: OfficerStageDef): NotificationRequest {
  const secondLevel = stage.escalation.secondLevel;
  if (!secondLevel) {
    throw new Error(
      `${file.registrationNumber}: a second-level checkpoint fired on stage '${stage.key}', which names no second level; the stage's clock plan does not match its rules`,
    );
  }
  return {
    eventKey: 'second_level',
    audience: 'second_level',
    recipient: { role: secondLevel.role, department: file.departmentOf(stage) },
    template: 'sla_second_level',
    params: stageParams(file, stage),
  };
}

function roleNotice(
  file: PermitFile,
  stage: OfficerStageDef,
  template: string,
  params: Params,
): NotificationRequest {
  return {
    eventKey: 'role',
    audience: 'role',
    recipient: { role: stage.role, department: file.departmentOf(stage) },
    template,
    params,
  };
}

function stageParams(file: PermitFile, stage: OfficerStageDef): Params {
  return { registrationNumber: file.registrationNumber, stage: stage.key, deadline: file.stageDeadline };
}

/**
 * The holder is told their permit was revoked, with the reason. Not from the workflow (the file
 * is closed): the revocation records it with the file's next sequence.
 */
export function permitRevokedNotice(
  registrationNumber: string,
  permitNumber: string,
  reason: string,
): { template: string; params: Params } {
  return { template: 'permit_revoked', params: { registrationNumber, permitNumber, reason } };
}
