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

interface StoredRow {
  registration_number: string;
  permit_type: string;
  channel: Channel;
  fee_amount: number;
  submitted_by_officer: string | null;
  submitted_at: Date;
  status: string;
  last_sequence: number;
}

/** Registration numbers are built by us (TYPE-YYYY-NNNNNN); anything else stays out of a query. */
const REGISTRATION_NUMBER = /^[A-Z0-9-]{1,60}$/;

async function existingWorkflows(temporal: Client, ids: string[]): Promise<Set<string>> {
  const safe = ids.filter((id) => REGISTRATION_NUMBER.test(id));
  const found = new Set<string>();
  if (safe.length === 0) return found;
  const query = `WorkflowId IN (${safe.map((id) => `'${id}'`).join(', ')})`;
  for await (const execution of temporal.workflow.list({ query })) found.add(execution.workflowId);
  return found;
}

/**
 * One pass: every application stored more than `graceMs` ago and not checked yet has its
 * submission recorded and its workflow started, or gets them now. A submission normally does
 * both before it answers; this catches a file whose caller never retried after an outage or a
 * crash between the steps, so that no stored file goes without its SLA clock. Only files that
 * never moved past their submission are candidates (a file with later steps had a workflow).
 * Stops at the first file it cannot complete (say, Temporal is down) and resumes there.
 */
export async function reconcileIntake(
  deps: IntakeReconcilerDependencies,
  options: {
    graceMs: number;
    batchSize?: number;
    onError?: (error: unknown, registrationNumber: string) => void;
  },
): Promise<{ checked: number; completed: string[] }> {
  const batchSize = options.batchSize ?? 100;
  const completed: string[] = [];
  let checked = 0;
  for (;;) {
    const { rows } = await deps.pool.query<StoredRow>(
      `SELECT a.registration_number, a.permit_type, a.channel, a.fee_amount, a.submitted_by_officer,
              a.submitted_at, a.status, a.last_sequence
       FROM applications a, intake_reconciliation r
       WHERE (a.submitted_at, a.registration_number) > (r.checked_until, r.checked_through)
         AND a.submitted_at <= now() - make_interval(secs => $1::double precision / 1000)
       ORDER BY a.submitted_at, a.registration_number
       LIMIT $2`,
      [options.graceMs, batchSize],
    );
    if (rows.length === 0) return { checked, completed };
    const candidates = rows.filter(
      (row) => row.last_sequence <= 1 && (row.status === 'SUBMITTED' || row.status === 'IN_REVIEW'),
    );
    const running =
      candidates.length > 0
        ? await existingWorkflows(
            deps.temporal,
            candidates.map((r) => r.registration_number),
          )
        : new Set<string>();
    let through: StoredRow | undefined;
    for (const row of rows) {
      const missing =
        candidates.includes(row) && (row.last_sequence === 0 || !running.has(row.registration_number));
      if (missing) {
        const permitType = findPermitType(deps.catalog, row.permit_type);
        if (!permitType) {
          // Cannot be rebuilt without its permit type: reported, and not retried forever.
          options.onError?.(
            new Error(`permit type ${row.permit_type} is no longer in the catalog`),
            row.registration_number,
          );
        } else {
          try {
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
            options.onError?.(error, row.registration_number);
            break;
          }
        }
      }
      through = row;
      checked += 1;
    }
    if (through) {
      await deps.pool.query(
        `UPDATE intake_reconciliation SET checked_until = $1, checked_through = $2
         WHERE (checked_until, checked_through) < ($1, $2)`,
        [through.submitted_at, through.registration_number],
      );
    }
    if (through !== rows.at(-1) || rows.length < batchSize) return { checked, completed };
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
