import type { Client, Connection } from '@temporalio/client';
import type { Pool } from '../db/pool.js';

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
export async function checkDependencies(deps: { pool: Pool; temporal: Client }): Promise<DependencyHealth> {
  const [postgres, temporal] = await Promise.all([
    probe(() => deps.pool.query('SELECT 1'), 'postgres'),
    probe(() => {
      // A gRPC deadline ends the call and its retries (at the first attempt after it), not only
      // our wait for it.
      const connection = deps.temporal.connection as Connection;
      return connection.withDeadline(Date.now() + TIMEOUT_MS, () => connection.healthService.check({}));
    }, 'temporal'),
  ]);
  return { healthy: postgres.ok && temporal.ok, checks: { postgres, temporal } };
}
