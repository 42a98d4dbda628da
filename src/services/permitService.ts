import type { Readable } from 'node:stream';
import type { Client } from '@temporalio/client';
import type { Pool } from '../db/pool.js';
import type { WorkingCalendar } from '../domain/calendar/workingCalendar.js';
import { findPermitType } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog, PermitType } from '../domain/catalog/catalogSchema.js';
import type { FormValue } from '../domain/catalog/formValidation.js';
import type { FeeAssessment } from '../domain/fees/computeFee.js';
import type {
  DocumentRef,
  FileView,
  OfficerDecision,
  PaymentConfirmation,
} from '../workflows/permit/permitContract.js';
import { type ReissuedAccessCode, type ReissueRequest, reissueAccessCode } from './accessCodeReissue.js';
import { AccessCodeVerifier } from './accessCodeVerifier.js';
import {
  type ApplicationStatus,
  type ApplicationSummary,
  applicationsOfTelegramUser,
  getApplicationStatus,
  type InboxItem,
  isTelegramApplicantOf,
  officerInbox,
  slaOverview,
} from './applicationQueries.js';
import { type DocumentStore, documentDefinition, type StoredDocument } from './documents/documentStore.js';
import { confirmPayment, decideOnFile, withdrawFile } from './fileActions.js';
import { confirmGatewayPayment, type PaymentOutcome } from './gatewayPayments.js';
import {
  checkDocumentUpload,
  checkFormField,
  type DocumentCheck,
  type FieldCheck,
  quoteFee,
} from './intakeChecks.js';
import {
  type AdminActor,
  type AdminAuditEntry,
  adminAuditOfOfficer,
  createOfficerAsAdmin,
  updateOfficerAsAdmin,
} from './officerAdministration.js';
import {
  createOfficer,
  findOfficerByApiKey,
  findOfficerByTelegramId,
  listOfficers,
  type Officer,
  type OfficerInput,
  updateOfficer,
} from './officers.js';
import { pendingMigrations, transitionTotals } from './operationalCounts.js';
import { type PermitTypeStats, publicStats } from './publicStats.js';
import { type ResubmissionChanges, resubmitWithChanges } from './resubmission.js';
import { unknownPermitType } from './serviceError.js';
import {
  type SubmitApplicationRequest,
  type SubmittedApplication,
  submitApplication,
} from './submitApplication.js';
import {
  decideAsTelegramOfficer,
  documentsForOfficer,
  latestRevisionNote,
  resubmitAsTelegramApplicant,
  slaOverviewForTelegramManager,
  statusForTelegramApplicant,
  withdrawAsTelegramApplicant,
} from './telegramActors.js';

export interface PermitServiceDependencies {
  pool: Pool;
  temporal: Client;
  catalog: PermitCatalog;
  calendar: WorkingCalendar;
  taskQueue: string;
  /** Uploaded documents (DATA_DIR/documents); needed for resubmissions with documents. */
  documents?: DocumentStore;
}

/**
 * The one service layer both adapters (HTTP API and Telegram bot) call. It resolves who is
 * calling, checks what they may see, and talks to the workflow; adapters hold no rules.
 */
export class PermitService {
  private accessCodes: AccessCodeVerifier | undefined;

  constructor(readonly deps: PermitServiceDependencies) {}

  permitTypes(): readonly PermitType[] {
    return this.deps.catalog.permitTypes;
  }

  permitType(code: string): PermitType | undefined {
    return findPermitType(this.deps.catalog, code);
  }

  submit(request: SubmitApplicationRequest): Promise<SubmittedApplication> {
    return submitApplication(this.deps, request);
  }

  // Identity
  officerByApiKey(key: string): Promise<Officer | null> {
    return findOfficerByApiKey(this.deps.pool, key);
  }
  officerByTelegramId(telegramUserId: number): Promise<Officer | null> {
    return findOfficerByTelegramId(this.deps.pool, telegramUserId);
  }
  /** Successful checks are cached briefly (see AccessCodeVerifier): polling stays cheap. */
  applicantHoldsAccessCode(registrationNumber: string, accessCode: string): Promise<boolean> {
    this.accessCodes ??= new AccessCodeVerifier(this.deps.pool);
    return this.accessCodes.holds(registrationNumber, accessCode);
  }
  /** A front-desk officer issues a new code to an applicant who lost theirs; the old one stops working. */
  async reissueAccessCode(officer: Officer, request: ReissueRequest): Promise<ReissuedAccessCode> {
    const reissued = await reissueAccessCode(this.deps, officer, request);
    this.accessCodes?.forget(request.registrationNumber);
    return reissued;
  }
  isTelegramApplicantOf(registrationNumber: string, telegramUserId: number): Promise<boolean> {
    return isTelegramApplicantOf(this.deps.pool, registrationNumber, telegramUserId);
  }

  // Reading (Postgres read model only)
  statusForApplicant(registrationNumber: string): Promise<ApplicationStatus | null> {
    return getApplicationStatus(this.deps.pool, this.deps.catalog, registrationNumber, { kind: 'applicant' });
  }
  statusForOfficer(registrationNumber: string, officer: Officer): Promise<ApplicationStatus | null> {
    return getApplicationStatus(this.deps.pool, this.deps.catalog, registrationNumber, {
      kind: 'officer',
      officer,
    });
  }
  applicationsOfTelegramUser(telegramUserId: number): Promise<ApplicationSummary[]> {
    return applicationsOfTelegramUser(this.deps.pool, telegramUserId);
  }
  inbox(officer: Officer, now?: Date): Promise<InboxItem[]> {
    return officerInbox(this.deps.pool, this.deps.calendar, officer, now);
  }
  slaOverview(manager: Officer, now?: Date): Promise<{ breached: InboxItem[]; atRisk: InboxItem[] }> {
    return slaOverview(this.deps.pool, this.deps.calendar, manager, now);
  }
  stats(): Promise<PermitTypeStats[]> {
    return publicStats(this.deps.pool, this.deps.calendar);
  }

  // Acting (through the workflow only)
  decide(
    officer: Officer,
    registrationNumber: string,
    decision: OfficerDecision,
    updateId: string,
  ): Promise<FileView> {
    return decideOnFile(this.deps, officer, registrationNumber, decision, updateId);
  }
  withdraw(registrationNumber: string, reason: string | undefined, updateId: string): Promise<FileView> {
    return withdrawFile(this.deps, registrationNumber, reason, updateId);
  }
  confirmPayment(registrationNumber: string, payment: PaymentConfirmation): Promise<void> {
    return confirmPayment(this.deps, registrationNumber, payment);
  }

  // Intake one answer at a time (the bot's guided application): the submission's own rules.
  checkField(permitTypeCode: string, fieldKey: string, raw: string): FieldCheck {
    return checkFormField(this.requirePermitType(permitTypeCode), fieldKey, raw);
  }
  checkDocument(
    permitTypeCode: string,
    kind: string,
    upload: { mimeType: string; sizeBytes: number },
  ): DocumentCheck {
    const document = this.requirePermitType(permitTypeCode).documents.find((d) => d.kind === kind);
    if (!document) throw new RangeError(`${permitTypeCode} has no document kind '${kind}'`);
    return checkDocumentUpload(document, upload);
  }
  quoteFee(permitTypeCode: string, values: Record<string, FormValue>): FeeAssessment | null {
    return quoteFee(this.requirePermitType(permitTypeCode), values);
  }

  // Telegram identities: the applicant is the account that applied; an officer is a registered one.
  statusForTelegramApplicant(
    telegramUserId: number,
    registrationNumber: string,
  ): Promise<ApplicationStatus | null> {
    return statusForTelegramApplicant(this.deps, telegramUserId, registrationNumber);
  }
  withdrawAsTelegramApplicant(
    telegramUserId: number,
    registrationNumber: string,
    updateId: string,
  ): Promise<FileView> {
    return withdrawAsTelegramApplicant(this.deps, telegramUserId, registrationNumber, updateId);
  }
  resubmitAsTelegramApplicant(
    telegramUserId: number,
    registrationNumber: string,
    changes: ResubmissionChanges,
    updateId: string,
  ): Promise<FileView> {
    return resubmitAsTelegramApplicant(
      { ...this.deps, documents: this.documentStore() },
      telegramUserId,
      registrationNumber,
      changes,
      updateId,
    );
  }
  latestRevisionNote(registrationNumber: string): Promise<string | null> {
    return latestRevisionNote(this.deps.pool, registrationNumber);
  }
  decideAsTelegramOfficer(
    telegramUserId: number,
    registrationNumber: string,
    decision: OfficerDecision,
    updateId: string,
  ): Promise<FileView> {
    return decideAsTelegramOfficer(this.deps, telegramUserId, registrationNumber, decision, updateId);
  }
  slaOverviewForTelegramManager(
    telegramUserId: number,
    now?: Date,
  ): Promise<{ breached: InboxItem[]; atRisk: InboxItem[] }> {
    return slaOverviewForTelegramManager(this.deps, telegramUserId, now);
  }
  documentsForOfficer(officer: Officer, registrationNumber: string): Promise<DocumentRef[]> {
    return documentsForOfficer(this.deps, officer, registrationNumber);
  }

  private requirePermitType(code: string): PermitType {
    const permitType = this.permitType(code);
    if (!permitType) throw new RangeError(`unknown permit type ${code}`);
    return permitType;
  }

  // HTTP API: uploads referenced by sha256, receipts, applicant corrections, gateway payments.
  /** A submission whose documents were uploaded first and are named by kind and sha256. */
  async submitWithUploads(
    request: Omit<SubmitApplicationRequest, 'documents'> & { documents: { kind: string; sha256: string }[] },
  ): Promise<SubmittedApplication> {
    const permitType = this.permitType(request.permitTypeCode);
    // An unknown type is refused by submit itself, with its own message.
    const documents = permitType ? await this.documentStore().resolve(permitType, request.documents) : [];
    return this.submit({ ...request, documents });
  }
  /** Stores an upload for a document kind of a permit type, if its type and size fit the catalog. */
  async storeDocument(permitTypeCode: string, kind: string, content: Readable): Promise<StoredDocument> {
    const permitType = this.permitType(permitTypeCode);
    if (!permitType) {
      throw unknownPermitType(permitTypeCode);
    }
    return this.documentStore().store(content, documentDefinition(permitType, kind));
  }
  /** The permit type and current department of a file, for adapters that check who may upload. */
  async fileOwnership(
    registrationNumber: string,
  ): Promise<{ permitTypeCode: string; departments: string[] } | null> {
    const { rows } = await this.deps.pool.query<{ permit_type: string; assigned_department: string | null }>(
      'SELECT permit_type, assigned_department FROM applications WHERE registration_number = $1',
      [registrationNumber],
    );
    const row = rows[0];
    if (!row) return null;
    const home = this.permitType(row.permit_type)?.department;
    return {
      permitTypeCode: row.permit_type,
      departments: [...new Set([home, row.assigned_department].filter((d): d is string => !!d))],
    };
  }
  /** An officer may add documents to a file of their department (walk-in applicants at the counter). */
  async officerMayHandleFile(officer: Officer, registrationNumber: string): Promise<boolean> {
    const file = await this.fileOwnership(registrationNumber);
    return file?.departments.some((d) => officer.departments.includes(d)) ?? false;
  }
  resubmitWithChanges(
    registrationNumber: string,
    changes: ResubmissionChanges,
    updateId: string,
  ): Promise<FileView> {
    return resubmitWithChanges(
      { ...this.deps, documents: this.documentStore() },
      registrationNumber,
      changes,
      updateId,
    );
  }
  confirmGatewayPayment(registrationNumber: string, payment: PaymentConfirmation): Promise<PaymentOutcome> {
    return confirmGatewayPayment(this.deps, registrationNumber, payment);
  }

  // Operations
  transitionTotals(): Promise<Record<string, number>> {
    return transitionTotals(this.deps.pool);
  }
  pendingMigrations(): Promise<string[]> {
    return pendingMigrations(this.deps.pool);
  }

  private documentStore(): DocumentStore {
    if (!this.deps.documents) throw new Error('PermitService was built without a document store');
    return this.deps.documents;
  }

  // Administration (attributed: every change writes admin_audit in the same transaction)
  createOfficerAsAdmin(
    actor: AdminActor,
    input: OfficerInput,
  ): Promise<{ officer: Officer; apiKey: string }> {
    return createOfficerAsAdmin(this.deps.pool, actor, input);
  }
  updateOfficerAsAdmin(actor: AdminActor, id: string, patch: Partial<OfficerInput>): Promise<Officer> {
    return updateOfficerAsAdmin(this.deps.pool, actor, id, patch);
  }
  adminAuditOfOfficer(officerId: string): Promise<AdminAuditEntry[]> {
    return adminAuditOfOfficer(this.deps.pool, officerId);
  }

  // Administration
  createOfficer(input: OfficerInput): Promise<{ officer: Officer; apiKey: string }> {
    return createOfficer(this.deps.pool, input);
  }
  listOfficers(): Promise<Officer[]> {
    return listOfficers(this.deps.pool);
  }
  updateOfficer(id: string, patch: Partial<OfficerInput>): Promise<Officer> {
    return updateOfficer(this.deps.pool, id, patch);
  }

  /** A chat that blocked the bot and wrote to it again is reachable: notices may go out again. */
  async markChatReachable(chatId: number): Promise<void> {
    await this.deps.pool.query('DELETE FROM blocked_chats WHERE chat_id = $1', [chatId]);
  }
}
