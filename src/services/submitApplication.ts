import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Pool } from '../db/pool.js';
import { jakartaDayNumber, yearOfDay } from '../domain/calendar/jakartaTime.js';
import type { WorkingCalendar } from '../domain/calendar/workingCalendar.js';
import { findPermitType } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog } from '../domain/catalog/catalogSchema.js';
import { validateApplicationForm } from '../domain/catalog/formValidation.js';
import { computeFee } from '../domain/fees/computeFee.js';
import { generateAccessCode, hashAccessCode } from '../domain/identifiers/accessCode.js';
import { markAccessCodeUnseen, showFreshAccessCode } from '../repositories/accessCodeRepository.js';
import {
  findByIdempotencyKey,
  insertApplication,
  isIdempotencyKeyTaken,
} from '../repositories/applicationIntakeRepository.js';
import type { Channel, DocumentRef } from '../workflows/permit/permitContract.js';
import { completeIntake, planFirstStage } from './completeIntake.js';
import { ServiceError, unknownPermitType } from './serviceError.js';

export interface SubmitApplicationRequest {
  permitTypeCode: string;
  formData: Record<string, unknown>;
  documents: DocumentRef[];
  channel: Channel;
  /** The caller's key for this submission: the same key and body give the same answer. */
  idempotencyKey: string;
  applicantTelegramUserId?: number;
  submittedByOfficerId?: string;
}

export interface SubmittedApplication {
  registrationNumber: string;
  /** The file's status: for a new file, the state its recorded submission put it in. */
  status: string;
  stageKey: string | null;
  /** Deadline of the current stage, ISO 8601; on a new file, the first stage's. */
  deadline: string | null;
  /**
   * Shown once, in the first successful answer; a later replay gets null (only its hash is
   * stored). A retry after attempts that failed gets a fresh one.
   */
  accessCode: string | null;
  replayed: boolean;
  /** The channel recorded for the file (an officer's submission is always the counter). */
  channel: Channel;
}

export interface SubmitDependencies {
  pool: Pool;
  temporal: Client;
  catalog: PermitCatalog;
  calendar: WorkingCalendar;
  taskQueue: string;
}

function requestHash(request: SubmitApplicationRequest): string {
  const canonical = JSON.stringify([
    request.permitTypeCode,
    Object.entries(request.formData).sort(([a], [b]) => a.localeCompare(b)),
    request.documents.map((d) => [d.kind, d.sha256]),
    request.channel,
    request.applicantTelegramUserId ?? null,
    request.submittedByOfficerId ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Validates a submission, stores the application row with a gap-free registration number and a
 * hashed access code, starts its workflow and records the submission (audit event, read model,
 * notices): see completeIntake. Idempotent by `idempotencyKey`: a retry after a crash between
 * the steps records nothing twice and starts no second workflow.
 */
export async function submitApplication(
  deps: SubmitDependencies,
  submitted: SubmitApplicationRequest,
): Promise<SubmittedApplication> {
  // An officer entering a walk-in applicant's file is the counter channel, whatever the adapter.
  const request = {
    ...submitted,
    channel: submitted.submittedByOfficerId ? 'counter' : submitted.channel,
  } as const;
  const permitType = findPermitType(deps.catalog, request.permitTypeCode);
  if (!permitType) {
    throw unknownPermitType(request.permitTypeCode);
  }
  const form = validateApplicationForm(permitType, request.formData);
  if (!form.ok) {
    throw new ServiceError(
      'INVALID_FORM',
      {
        id: 'Isian formulir belum benar. Periksa kembali isian yang ditandai.',
        en: 'Some form fields are not valid. Check the fields listed.',
      },
      form.errors,
    );
  }
  const provided = new Set(request.documents.map((d) => d.kind));
  const missing = permitType.documents.filter((d) => d.required && !provided.has(d.kind));
  if (missing.length > 0) {
    throw new ServiceError(
      'MISSING_DOCUMENTS',
      {
        id: `Dokumen wajib belum diunggah: ${missing.map((d) => d.label.id).join(', ')}.`,
        en: `Required documents are missing: ${missing.map((d) => d.label.en).join(', ')}.`,
      },
      missing.map((d) => d.kind),
    );
  }
  const fee = computeFee(permitType, form.values);
  const firstStage = permitType.stages[0]!;
  const hash = requestHash(request);
  // Hashed before the insert: the insert holds the counter's row lock that every submission
  // of the type queues on. (A replay uses it only when no earlier answer showed a code.)
  const newAccessCode = generateAccessCode();
  const newAccessCodeHash = await hashAccessCode(newAccessCode);
  // The first stage's clock starts at submission (the row's submitted_at).
  const submittedAt = new Date().toISOString();
  const firstStageClock = planFirstStage(deps.calendar, permitType, submittedAt);

  const replayOf = async (): Promise<(SubmittedApplication & { submittedAt: string }) | null> => {
    const found = await findByIdempotencyKey(deps.pool, request.idempotencyKey);
    if (!found) return null;
    if (found.requestHash !== hash) {
      throw new ServiceError('IDEMPOTENCY_CONFLICT', {
        id: 'Kunci idempotensi ini sudah dipakai untuk permohonan lain. Gunakan kunci baru untuk permohonan baru.',
        en: 'This idempotency key was already used for a different application. Use a new key for a new application.',
      });
    }
    return {
      registrationNumber: found.registrationNumber,
      status: found.status,
      stageKey: found.stageKey,
      deadline: found.deadline,
      accessCode: null,
      replayed: true,
      channel: request.channel,
      submittedAt: found.submittedAt,
    };
  };
  const store = async (): Promise<SubmittedApplication & { submittedAt: string }> => {
    const registrationNumber = await insertApplication(deps.pool, {
      permitTypeCode: permitType.code,
      year: yearOfDay(jakartaDayNumber(Date.now())),
      channel: request.channel,
      formData: form.values,
      documents: request.documents,
      feeAmount: fee.amount,
      accessCodeHash: newAccessCodeHash,
      idempotencyKey: request.idempotencyKey,
      requestHash: hash,
      applicantTelegramUserId: request.applicantTelegramUserId ?? null,
      submittedByOfficerId: request.submittedByOfficerId ?? null,
      submittedAt,
      stageKey: firstStage.key,
      deadline: firstStageClock?.plan.deadline ?? null,
      deadlineClock: firstStageClock?.plan.clock ?? null,
      deadlineUncovered: firstStageClock?.plan.deadlineUncovered ?? false,
    });
    return {
      registrationNumber,
      status: 'SUBMITTED',
      stageKey: firstStage.key,
      deadline: firstStageClock?.plan.deadline ?? null,
      accessCode: newAccessCode,
      replayed: false,
      channel: request.channel,
      submittedAt,
    };
  };
  // New submissions are the common case, so the insert comes first: a retry with a used key
  // fails on its unique index (undoing its counter bump) and is answered from the stored row,
  // as a replay or a conflict. Two requests with the same key at the same moment end the same.
  const { submittedAt: storedAt, ...stored } = await store().catch(async (error: unknown) => {
    if (!isIdempotencyKeyTaken(error)) throw error;
    const earlier = await replayOf();
    if (!earlier) throw error;
    return earlier;
  });
  // The workflow, then the submission's audit event, read-model state and first notices. A
  // retry after a crash in between (or the loser of two twin requests) records nothing twice
  // and starts the workflow with the clock of the stored submission, not of this request.
  const intake = completeIntake(
    deps,
    {
      registrationNumber: stored.registrationNumber,
      permitType,
      channel: request.channel,
      feeAmount: fee.amount,
      submittedByOfficerId: request.submittedByOfficerId,
      submittedAt: storedAt,
    },
    storedAt === submittedAt ? firstStageClock : undefined,
  );
  const { submission, recorded } = stored.replayed
    ? await intake
    : await intake.catch(async (error: unknown) => {
        // This answer will not show the new file's access code: the retry that completes the
        // intake issues and shows one. (Best effort: if this write fails too, the retry shows none.)
        // Only while the code is this attempt's: a code reissued at the counter meanwhile stays.
        await markAccessCodeUnseen(deps.pool, stored.registrationNumber, newAccessCodeHash).catch(() => {});
        throw error;
      });
  // A replay shows a code only when no answer has shown one yet; it replaces the unseen one.
  const accessCode =
    stored.replayed && (await showFreshAccessCode(deps.pool, stored.registrationNumber, newAccessCodeHash))
      ? newAccessCode
      : stored.accessCode;
  // A new file answers with the state its submission records (whoever recorded it: a twin
  // request may have been first); a replay with the row as it stands now, or as just recorded.
  if (stored.replayed && !recorded) return { ...stored, accessCode };
  const model = submission.readModel;
  return { ...stored, accessCode, status: model.status, stageKey: model.stageKey, deadline: model.deadline };
}
