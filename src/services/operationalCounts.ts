import { readdir } from 'node:fs/promises';
import { MIGRATIONS_DIR } from '../db/migrate.js';
import type { Pool } from '../db/pool.js';

/**
 * Totals of recorded transitions by action (submitted, stage_approved, sla_breached, ...),
 * for monitoring. Counted from the audit trail, so they include every adapter and worker and
 * survive restarts.
 */
export async function transitionTotals(pool: Pool): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ action: string; n: string }>(
    'SELECT action, count(*) AS n FROM audit_events GROUP BY action',
  );
  return Object.fromEntries(rows.map((r) => [r.action, Number(r.n)]));
}

/** Migration files not yet applied to this database (empty when the schema is current). */
export async function pendingMigrations(pool: Pool): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR))
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.replace(/\.sql$/, ''));
  const { rows } = await pool.query<{ name: string }>('SELECT name FROM pgmigrations');
  const applied = new Set(rows.map((r) => r.name));
  return files.filter((f) => !applied.has(f)).sort();
}
