import { readdir } from 'node:fs/promises';
import type { Client, Connection } from '@temporalio/client';
import { appliedMigrations, MIGRATIONS_DIR } from '../db/migrate.js';
import { type Pool, pingDatabase } from '../db/pool.js';
import { transitionTotals } from '../repositories/auditRepository.js';

export type DependencyName = 'postgres' | 'temporal';
export interface DependencyHealth {
  healthy: boolean;
  checks: Record<DependencyName, { ok: boolean; error?: string }>;
}

const TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) =>
      setTimeout(
        () => reject(new Error(`${what} did not answer within ${TIMEOUT_MS} ms`)),
        TIMEOUT_MS,
      ).unref(),
    ),
  ]);
}

async function probe(check: () => Promise<unknown>, what: string): Promise<{ ok: boolean; error?: string }> {
  try {
    await withTimeout(check(), what);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Asks Postgres and the Temporal frontend whether they answer, in parallel, each with a bound. */
async function checkDependencies(deps: { pool: Pool; temporal: Client }): Promise<DependencyHealth> {
  const [postgres, temporal] = await Promise.all([
    probe(() => pingDatabase(deps.pool), 'postgres'),
    probe(() => {
      // A gRPC deadline ends the call and its retries (at the first attempt after it), not only
      // our wait for it.
      const connection = deps.temporal.connection as Connection;
      return connection.withDeadline(Date.now() + TIMEOUT_MS, () => connection.healthService.check({}));
    }, 'temporal'),
  ]);
  return { healthy: postgres.ok && temporal.ok, checks: { postgres, temporal } };
}

/** Migration files not yet applied to this database (empty when the schema is current). */
async function pendingMigrations(pool: Pool): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR))
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.replace(/\.sql$/, ''));
  const applied = new Set(await appliedMigrations(pool));
  return files.filter((f) => !applied.has(f)).sort();
}

/** What operators and probes ask of a running instance: dependencies, schema, activity totals. */
export function createOperationsService(deps: { pool: Pool; temporal: Client }) {
  return {
    checkDependencies: () => checkDependencies(deps),
    pendingMigrations: () => pendingMigrations(deps.pool),
    /**
     * Totals of recorded transitions by action (submitted, stage_approved, sla_breached, ...),
     * for monitoring. Counted from the audit trail, so they include every adapter and worker and
     * survive restarts.
     */
    transitionTotals: () => transitionTotals(deps.pool),
  };
}

export type OperationsService = ReturnType<typeof createOperationsService>;
