import type { Client } from '@temporalio/client';
import type { Pool } from '../db/pool.js';
import type { WorkingCalendar } from '../domain/calendar/workingCalendar.js';
import { findPermitType } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog, PermitType } from '../domain/catalog/catalogSchema.js';
import type {
  DocumentRef,
  FileView,
  OfficerDecision,
  PaymentConfirmation,
} from '../workflows/permit/permitContract.js';
import {
  type ApplicationStatus,
  type ApplicationSummary,
  applicantHoldsAccessCode,
  applicationsOfTelegramUser,
  getApplicationStatus,
  type InboxItem,
  isTelegramApplicantOf,
  officerInbox,
  slaOverview,
} from './applicationQueries.js';
import { confirmPayment, decideOnFile, resubmitFile, withdrawFile } from './fileActions.js';
import {
  createOfficer,
  findOfficerByApiKey,
  findOfficerByTelegramId,
  listOfficers,
  type Officer,
  type OfficerInput,
  updateOfficer,
} from './officers.js';
import { type PermitTypeStats, publicStats } from './publicStats.js';
import {
  type SubmitApplicationRequest,
  type SubmittedApplication,
  submitApplication,
} from './submitApplication.js';

export interface PermitServiceDependencies {
  pool: Pool;
  temporal: Client;
  catalog: PermitCatalog;
  calendar: WorkingCalendar;
  taskQueue: string;
}

/**
 * The one service layer both adapters (HTTP API and Telegram bot) call. It resolves who is
 * calling, checks what they may see, and talks to the workflow; adapters hold no rules.
 */
export class PermitService {
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
  applicantHoldsAccessCode(registrationNumber: string, accessCode: string): Promise<boolean> {
    return applicantHoldsAccessCode(this.deps.pool, registrationNumber, accessCode);
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
  resubmit(
    registrationNumber: string,
    changes: { changedFields?: Record<string, unknown>; documents?: DocumentRef[]; note?: string },
    updateId: string,
  ): Promise<FileView> {
    return resubmitFile(this.deps, registrationNumber, changes, updateId);
  }
  withdraw(registrationNumber: string, reason: string | undefined, updateId: string): Promise<FileView> {
    return withdrawFile(this.deps, registrationNumber, reason, updateId);
  }
  confirmPayment(registrationNumber: string, payment: PaymentConfirmation): Promise<void> {
    return confirmPayment(this.deps, registrationNumber, payment);
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
}
