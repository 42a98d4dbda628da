import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { inTransaction, type Pool } from '../db/pool.js';
import { allocateRegistrationNumber } from '../db/sequenceNumbers.js';
import { jakartaDayNumber, yearOfDay } from '../domain/calendar/jakartaTime.js';
import { findPermitType } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog, PermitType } from '../domain/catalog/catalogSchema.js';
import { validateApplicationForm } from '../domain/catalog/formValidation.js';
import { computeFee } from '../domain/fees/computeFee.js';
import { generateAccessCode, hashAccessCode } from '../domain/identifiers/accessCode.js';
import { maskNik } from '../domain/identifiers/nik.js';
import {
  type Channel,
  type DocumentRef,
  PERMIT_WORKFLOW_TYPE,
  type PermitApplicationInput,
} from '../workflows/permit/permitContract.js';
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
  /** Shown once, at the first answer; a replayed request gets null (only its hash is stored). */
  accessCode: string | null;
  replayed: boolean;
  /** The channel recorded for the file (an officer's submission is always the counter). */
  channel: Channel;
}

export interface SubmitDependencies {
  pool: Pool;
  temporal: Client;
  catalog: PermitCatalog;
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

/** Personal identifiers are masked before they enter workflow history (visible in the Web UI). */
function isIdempotencyKeyRace(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  return e.code === '23505' && e.constraint === 'applications_idempotency_key_key';
}

export function maskedForHistory(
  permitType: PermitType,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const masked = { ...values };
  for (const field of permitType.fields) {
    if (field.type === 'nik' && typeof masked[field.key] === 'string')
      masked[field.key] = maskNik(String(masked[field.key]));
  }
  return masked;
}

/**
 * Validates a submission, stores the application row with a gap-free registration number and a
 * hashed access code, and starts its workflow. Idempotent by `idempotencyKey`: a retry after a
 * crash between the two steps starts the same workflow (the start returns the running one).
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
  const hash = requestHash(request);
  // Hashed before the transaction: scrypt takes tens of milliseconds, and inside the
  // transaction it would hold the registration counter's row lock, serialising every
  // submission of the permit type behind it. (A replay wastes one hash; it holds no lock.)
  const newAccessCode = generateAccessCode();
  const newAccessCodeHash = await hashAccessCode(newAccessCode);

  const storeOrReplay = () =>
    inTransaction(deps.pool, async (client) => {
      const existing = await client.query<{ registration_number: string; request_hash: string }>(
        'SELECT registration_number, request_hash FROM applications WHERE idempotency_key = $1',
        [request.idempotencyKey],
      );
      const found = existing.rows[0];
      if (found) {
        if (found.request_hash !== hash) {
          throw new ServiceError('IDEMPOTENCY_CONFLICT', {
            id: 'Kunci idempotensi ini sudah dipakai untuk permohonan lain. Gunakan kunci baru untuk permohonan baru.',
            en: 'This idempotency key was already used for a different application. Use a new key for a new application.',
          });
        }
        return {
          registrationNumber: found.registration_number,
          accessCode: null,
          replayed: true,
          channel: request.channel,
        };
      }
      const registrationNumber = await allocateRegistrationNumber(
        client,
        permitType.code,
        yearOfDay(jakartaDayNumber(Date.now())),
      );
      const accessCode = newAccessCode;
      await client.query(
        `INSERT INTO applications (registration_number, permit_type, status, channel, form_data, documents, fee_amount,
         access_code_hash, idempotency_key, request_hash, applicant_telegram_id, submitted_by_officer)
       VALUES ($1, $2, 'SUBMITTED', $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          registrationNumber,
          permitType.code,
          request.channel,
          JSON.stringify(form.values),
          JSON.stringify(request.documents),
          fee.amount,
          newAccessCodeHash,
          request.idempotencyKey,
          hash,
          request.applicantTelegramUserId ?? null,
          request.submittedByOfficerId ?? null,
        ],
      );
      return { registrationNumber, accessCode, replayed: false, channel: request.channel };
    });
  // Two requests with the same key at the same moment: the loser's INSERT hits the unique key
  // (its transaction, registration number included, is rolled back); answering it from the
  // winner's row makes it a replay or a conflict like any later retry.
  const stored = await storeOrReplay().catch((error: unknown) => {
    if (isIdempotencyKeyRace(error)) return storeOrReplay();
    throw error;
  });

  const input: PermitApplicationInput = {
    registrationNumber: stored.registrationNumber,
    permitType,
    applicant: {
      reference: `applicant-of-${stored.registrationNumber}`,
      ...(request.applicantTelegramUserId ? { telegramUserId: request.applicantTelegramUserId } : {}),
    },
    formData: maskedForHistory(permitType, form.values),
    documents: request.documents,
    channel: request.channel,
    fee: { amount: fee.amount },
    ...(request.submittedByOfficerId ? { submittedByOfficerId: request.submittedByOfficerId } : {}),
  };
  await deps.temporal.workflow.start(PERMIT_WORKFLOW_TYPE, {
    taskQueue: deps.taskQueue,
    workflowId: stored.registrationNumber,
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  return stored;
}
