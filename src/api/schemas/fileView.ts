import { z } from 'zod';
import type { FileView } from '../../workflows/permit/permitContract.js';

/** The workflow's answer to an update, as an officer sees it. */
export const fileViewSchema = z.object({
  registrationNumber: z.string(),
  permitTypeCode: z.string(),
  status: z.string(),
  stageIndex: z.int(),
  stageKey: z.string(),
  revisionRounds: z.record(z.string(), z.int()),
  clock: z
    .object({
      stageKey: z.string(),
      startedAt: z.string(),
      deadline: z.string().nullable(),
      deadlineUncovered: z.boolean(),
      paused: z.boolean(),
      pausedMs: z.number(),
      pauseCount: z.int(),
      firedCheckpoints: z.array(z.string()),
    })
    .nullable(),
  applicantDeadline: z.string().nullable(),
  statutoryClockStartedAt: z.string().nullable(),
  permitNumber: z.string().nullable(),
  breachedStages: z.array(z.string()),
  history: z.array(
    z
      .object({
        sequence: z.int(),
        at: z.string(),
        action: z.string(),
        actorKind: z.string(),
        actorId: z.string().optional(),
        actorRole: z.string().optional(),
        fromStatus: z.string().nullable(),
        toStatus: z.string(),
        stageKey: z.string().nullable(),
        reason: z.string().optional(),
      })
      .catchall(z.unknown()),
  ),
});

/** What the applicant is told after a resubmission or withdrawal: no officer identities. */
export const applicantFileViewSchema = z.object({
  registrationNumber: z.string(),
  status: z.string(),
  stage: z.string(),
  deadline: z.string().nullable().describe('Deadline of the officer stage, once its clock runs again'),
  applicantDeadline: z.string().nullable(),
  permitNumber: z.string().nullable(),
});

export function applicantFileView(view: FileView): z.input<typeof applicantFileViewSchema> {
  return {
    registrationNumber: view.registrationNumber,
    status: view.status,
    stage: view.stageKey,
    deadline: view.clock?.deadline ?? null,
    applicantDeadline: view.applicantDeadline,
    permitNumber: view.permitNumber,
  };
}
