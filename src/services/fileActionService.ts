import type { Client } from '@temporalio/client';
import type { Pool } from '../db/pool.js';
import type { PermitCatalog } from '../domain/catalog/catalogSchema.js';
import type { FileView, OfficerDecision } from '../workflows/permit/permitContract.js';
import type { Caller, CallerAccess } from './callerAccess.js';
import { sendDecision, sendWithdrawal } from './permitWorkflowCalls.js';
import { type ResubmissionChanges, resubmitWithChanges } from './resubmission.js';

export interface FileActionServiceDependencies {
  pool: Pool;
  temporal: Client;
  catalog: PermitCatalog;
  access: CallerAccess;
}

/**
 * What officers and applicants do to a file, through its workflow only: the workflow's
 * validators decide whether the action fits the file's state; this decides who the caller is.
 * `updateId` is the caller's idempotency key (Telegram update or callback ID, HTTP
 * Idempotency-Key): Temporal applies one update ID once per file.
 */
export function createFileActionService(deps: FileActionServiceDependencies) {
  return {
    /** True when the caller is the file's applicant, who alone may withdraw or correct it. */
    mayActAsApplicant(caller: Caller, registrationNumber: string): Promise<boolean> {
      return deps.access.isApplicant(caller, registrationNumber);
    },

    /** An officer's decision on the file's current stage; the workflow checks role and department. */
    async decide(
      caller: Caller,
      registrationNumber: string,
      decision: OfficerDecision,
      updateId: string,
    ): Promise<FileView> {
      const officer = await deps.access.requireOfficer(caller);
      return sendDecision(deps, officer, registrationNumber, decision, updateId);
    },

    async withdraw(
      caller: Caller,
      registrationNumber: string,
      reason: string | undefined,
      updateId: string,
    ): Promise<FileView> {
      // An action taken with a code reissued at the counter is recorded with the reissuing officer.
      const mark = await deps.access.requireApplicant(caller, registrationNumber);
      return sendWithdrawal(deps, registrationNumber, reason, updateId, mark);
    },

    /** The applicant's corrections after a revision request (see resubmitWithChanges). */
    async resubmit(
      caller: Caller,
      registrationNumber: string,
      changes: ResubmissionChanges,
      updateId: string,
    ): Promise<FileView> {
      const mark = await deps.access.requireApplicant(caller, registrationNumber);
      return resubmitWithChanges(deps, registrationNumber, changes, updateId, mark);
    },
  };
}

export type FileActionService = ReturnType<typeof createFileActionService>;
