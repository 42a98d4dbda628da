import type { Client } from '@temporalio/client';
import type { Pool } from '../db/pool.js';
import type { WorkingCalendar } from '../domain/calendar/workingCalendar.js';
import { findPermitType } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog } from '../domain/catalog/catalogSchema.js';
import { findUnfinishedIntakes } from '../repositories/applicationIntakeRepository.js';
import { completeIntake } from '../services/completeIntake.js';
import { type PeriodicJob, startPeriodicJob } from './periodicJob.js';

export interface IntakeReconcilerDependencies {
  pool: Pool;
  temporal: Client;
  catalog: PermitCatalog;
  calendar: WorkingCalendar;
  taskQueue: string;
}

/**
 * One pass: every application stored more than `graceMs` ago whose submission is not recorded
 * gets its workflow started and its submission recorded (completeIntake: the submission is
 * recorded only after the start, so an unrecorded row is exactly an unfinished intake). A
 * submission normally finishes before it answers; this catches a caller who never retried after
 * an outage or a crash, so that no stored file goes without its SLA clock. The workflow's
 * permit type rules come from the catalog as it is now (the file never ran). A file that fails
 * is reported and tried again next pass without holding up the others; when every file of a
 * batch fails (say, Temporal is down), the pass ends there.
 */
export async function reconcileIntake(
  deps: IntakeReconcilerDependencies,
  options: {
    graceMs: number;
    batchSize?: number;
    onError?: (error: unknown, registrationNumber: string) => void;
  },
): Promise<{ completed: string[]; failed: string[] }> {
  const batchSize = options.batchSize ?? 100;
  const completed: string[] = [];
  const failed: string[] = [];
  let after = null as { submittedAt: Date; registrationNumber: string } | null;
  for (;;) {
    const rows = await findUnfinishedIntakes(deps.pool, {
      graceMs: options.graceMs,
      after,
      limit: batchSize,
    });
    let failedInBatch = 0;
    for (const row of rows) {
      try {
        const permitType = findPermitType(deps.catalog, row.permitTypeCode);
        if (!permitType) {
          throw new Error(
            `permit type ${row.permitTypeCode} is not in the catalog: restore it, or close the file by hand`,
          );
        }
        await completeIntake(deps, {
          registrationNumber: row.registrationNumber,
          permitType,
          channel: row.channel,
          feeAmount: row.feeAmount,
          submittedByOfficerId: row.submittedByOfficerId ?? undefined,
          submittedAt: row.submittedAt.toISOString(),
        });
        completed.push(row.registrationNumber);
      } catch (error) {
        failed.push(row.registrationNumber);
        failedInBatch += 1;
        options.onError?.(error, row.registrationNumber);
      }
    }
    const last = rows.at(-1);
    if (!last || rows.length < batchSize || failedInBatch === rows.length) return { completed, failed };
    // Failed rows stay unrecorded; the next batch starts after this one.
    after = { submittedAt: last.submittedAt, registrationNumber: last.registrationNumber };
  }
}

/** Runs `reconcileIntake` every `intervalMs` beside the worker (several workers may: it is idempotent). */
export function startIntakeReconciler(
  deps: IntakeReconcilerDependencies,
  options: {
    intervalMs?: number;
    graceMs?: number;
    onCompleted?: (registrationNumbers: string[]) => void;
    onError?: (error: unknown, registrationNumber?: string) => void;
  } = {},
): PeriodicJob {
  const graceMs = options.graceMs ?? 120_000;
  return startPeriodicJob(
    async () => {
      const { completed } = await reconcileIntake(deps, { graceMs, onError: options.onError });
      if (completed.length > 0) options.onCompleted?.(completed);
    },
    { intervalMs: options.intervalMs ?? 60_000, onError: options.onError },
  );
}
