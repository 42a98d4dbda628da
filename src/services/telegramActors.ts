import type { Client } from '@temporalio/client';
import type { Pool } from '../db/pool.js';
import type { WorkingCalendar } from '../domain/calendar/workingCalendar.js';
import { findPermitType } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog } from '../domain/catalog/catalogSchema.js';
import { isManager } from '../domain/officers/managerRole.js';
import type { DocumentRef, FileView, OfficerDecision } from '../workflows/permit/permitContract.js';
import {
  type ApplicationStatus,
  getApplicationStatus,
  type InboxItem,
  isTelegramApplicantOf,
  slaOverview,
} from './applicationQueries.js';
import type { DocumentStore } from './documents/documentStore.js';
import { decideOnFile, withdrawFile } from './fileActions.js';
import { findOfficerByTelegramId, type Officer } from './officers.js';
import { type ResubmissionChanges, resubmitWithChanges } from './resubmission.js';
import { ServiceError } from './serviceError.js';

// Who a Telegram user is decides what they may do: the applicant of a file is the Telegram
// account that submitted it; an officer is the account registered to an officer record. A file
// that is not the caller's is answered exactly like a file that does not exist.

export interface TelegramActorDependencies {
  pool: Pool;
  temporal: Client;
  catalog: PermitCatalog;
  calendar: WorkingCalendar;
}

const notYoursOrMissing = () =>
  new ServiceError('NOT_FOUND', {
    id: 'Permohonan dengan nomor itu tidak ditemukan pada akun Telegram Anda. Periksa nomor registrasi.',
    en: 'No application with that number was found for your Telegram account. Check the registration number.',
  });

export const notAnOfficer = () =>
  new ServiceError(
    'REFUSED',
    {
      id: 'Perintah ini hanya untuk petugas yang terdaftar. Jika Anda petugas, minta admin mendaftarkan akun Telegram Anda.',
      en: 'This command is for registered officers only. If you are an officer, ask the admin to register your Telegram account.',
    },
    { reason: 'NOT_OFFICER' },
  );

export const notAManager = () =>
  new ServiceError(
    'REFUSED',
    {
      id: 'Ringkasan SLA hanya untuk atasan (manajer) yang terdaftar.',
      en: 'The SLA overview is for registered managers only.',
    },
    { reason: 'NOT_MANAGER' },
  );

async function ownFile(deps: TelegramActorDependencies, telegramUserId: number, registrationNumber: string) {
  if (!(await isTelegramApplicantOf(deps.pool, registrationNumber, telegramUserId)))
    throw notYoursOrMissing();
}

/** The file as its applicant sees it, or null when it is not this Telegram user's (or does not exist). */
export async function statusForTelegramApplicant(
  deps: TelegramActorDependencies,
  telegramUserId: number,
  registrationNumber: string,
): Promise<ApplicationStatus | null> {
  if (!(await isTelegramApplicantOf(deps.pool, registrationNumber, telegramUserId))) return null;
  return getApplicationStatus(deps.pool, deps.catalog, registrationNumber, { kind: 'applicant' });
}

export async function withdrawAsTelegramApplicant(
  deps: TelegramActorDependencies,
  telegramUserId: number,
  registrationNumber: string,
  updateId: string,
): Promise<FileView> {
  await ownFile(deps, telegramUserId, registrationNumber);
  return withdrawFile(deps, registrationNumber, undefined, updateId);
}

/**
 * The applicant's corrections after a revision request, checked and stored by the one
 * resubmission path the API uses too; only the file's own Telegram account may send them.
 */
export async function resubmitAsTelegramApplicant(
  deps: TelegramActorDependencies & { documents: DocumentStore },
  telegramUserId: number,
  registrationNumber: string,
  changes: ResubmissionChanges,
  updateId: string,
): Promise<FileView> {
  await ownFile(deps, telegramUserId, registrationNumber);
  return resubmitWithChanges(deps, registrationNumber, changes, updateId);
}

/** The officer's note of the latest revision request on a file, for the applicant to read. */
export async function latestRevisionNote(pool: Pool, registrationNumber: string): Promise<string | null> {
  const { rows } = await pool.query<{ reason: string | null }>(
    `SELECT reason FROM audit_events WHERE workflow_id = $1 AND action = 'revision_requested'
     ORDER BY sequence DESC LIMIT 1`,
    [registrationNumber],
  );
  return rows[0]?.reason ?? null;
}

async function officerOf(deps: TelegramActorDependencies, telegramUserId: number): Promise<Officer> {
  const officer = await findOfficerByTelegramId(deps.pool, telegramUserId);
  if (!officer) throw notAnOfficer();
  return officer;
}

/** An officer's decision sent from Telegram; `updateId` is the update or callback query ID. */
export async function decideAsTelegramOfficer(
  deps: TelegramActorDependencies,
  telegramUserId: number,
  registrationNumber: string,
  decision: OfficerDecision,
  updateId: string,
): Promise<FileView> {
  const officer = await officerOf(deps, telegramUserId);
  return decideOnFile(deps, officer, registrationNumber, decision, updateId);
}

export async function slaOverviewForTelegramManager(
  deps: TelegramActorDependencies,
  telegramUserId: number,
  now?: Date,
): Promise<{ breached: InboxItem[]; atRisk: InboxItem[] }> {
  const officer = await officerOf(deps, telegramUserId);
  if (!isManager(officer)) throw notAManager();
  return slaOverview(deps.pool, deps.calendar, officer, now);
}

/**
 * The documents of a file (as submitted, with corrections replacing their kind) for an officer
 * of the department it is with or, once closed, of the permit type's department.
 */
export async function documentsForOfficer(
  deps: TelegramActorDependencies,
  officer: Officer,
  registrationNumber: string,
): Promise<DocumentRef[]> {
  const { rows } = await deps.pool.query<{
    permit_type: string;
    assigned_department: string | null;
    documents: DocumentRef[];
  }>('SELECT permit_type, assigned_department, documents FROM applications WHERE registration_number = $1', [
    registrationNumber,
  ]);
  const row = rows[0];
  const department =
    row?.assigned_department ?? findPermitType(deps.catalog, row?.permit_type ?? '')?.department;
  if (!row || !department || !officer.departments.includes(department)) {
    throw new ServiceError('NOT_FOUND', {
      id: 'Berkas itu tidak ada di departemen Anda.',
      en: 'That file is not with your department.',
    });
  }
  return row.documents;
}
