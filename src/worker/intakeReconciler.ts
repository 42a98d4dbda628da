import type { Client } from '@temporalio/client';
import type { Pool } from '../db/pool.js';
import type { WorkingCalendar } from '../domain/calendar/workingCalendar.js';
import { findPermitType } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog } from '../domain/catalog/catalogSchema.js';
import { completeIntake } from '../services/completeIntake.js';
import type { Channel } from '../workflows/permit/permitContract.js';

export interface IntakeReconcilerDependencies {
  pool: Pool;
  temporal: Client;
  catalog: PermitCatalog;
  calendar: WorkingCalendar;
  taskQueue: string;
}

interface UnfinishedRow {
  registration_number: string;
  permit_type: string;
  channel: Channel;
  fee_amount: number;
  submitted_by_officer: string | null;
  submitted_at: Date;
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
    const { rows }: { rows: UnfinishedRow[] } = await deps.pool.query<UnfinishedRow>(
      `SELECT registration_number, permit_type, channel, fee_amount, submitted_by_officer, submitted_at
       FROM applications
       WHERE last_sequence = 0
         AND submitted_at <= now() - make_interval(secs => $1::double precision / 1000)
         AND ($2::timestamptz IS NULL OR (submitted_at, registration_number) > ($2, $3))
       ORDER BY submitted_at, registration_number
       LIMIT $4`,
      [options.graceMs, after?.submittedAt ?? null, after?.registrationNumber ?? '', batchSize],
    );
    let failedInBatch = 0;
    for (const row of rows) {
      try {
        const permitType = findPermitType(deps.catalog, row.permit_type);
        if (!permitType) {
          throw new Error(
            `permit type ${row.permit_type} is not in the catalog: restore it, or close the file by hand`,
          );
        }
        await completeIntake(deps, {
          registrationNumber: row.registration_number,
          permitType,
          channel: row.channel,
          feeAmount: Number(row.fee_amount),
          submittedByOfficerId: row.submitted_by_officer ?? undefined,
          submittedAt: row.submitted_at.toISOString(),
        });
        completed.push(row.registration_number);
      } catch (error) {
        failed.push(row.registration_number);
        failedInBatch += 1;
        options.onError?.(error, row.registration_number);
      }
    }
    const last = rows.at(-1);
    if (!last || rows.length < batchSize || failedInBatch === rows.length) return { completed, failed };
    // Failed rows stay unrecorded; the next batch starts after this one.
    after = { submittedAt: last.submitted_at, registrationNumber: last.registration_number };
  }
}

export interface IntakeReconciler {
  stop(): Promise<void>;
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
): IntakeReconciler {
  const intervalMs = options.intervalMs ?? 60_000;
  const graceMs = options.graceMs ?? 120_000;
  let running: Promise<void> | undefined;
  const pass = () => {
    running ??= reconcileIntake(deps, { graceMs, onError: options.onError })
      .then(({ completed }) => {
        if (completed.length > 0) options.onCompleted?.(completed);
      })
      .catch((error) => options.onError?.(error))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(pass, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
