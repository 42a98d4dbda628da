import path from 'node:path';
import { runner } from 'node-pg-migrate';
import type { Queryable } from './pool.js';
import { grantRuntimeAccess } from './runtimeGrants.js';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '..', '..', 'migrations');

/**
 * Applies pending migrations (node-pg-migrate, plain SQL files in /migrations) as the user of
 * `databaseUrl`, which then owns the tables. Re-running is a no-op; concurrent starts wait on
 * the tool's advisory lock. With `runtimeDatabaseUrl` naming another user, that user is then
 * granted what the app needs and no more (src/db/runtimeGrants.sql).
 */
export async function runMigrations(options: {
  databaseUrl: string;
  runtimeDatabaseUrl?: string;
  schema?: string;
  log?: (message: string) => void;
}): Promise<string[]> {
  const schema = options.schema ?? 'public';
  const applied = await runner({
    databaseUrl: options.databaseUrl,
    dir: MIGRATIONS_DIR,
    direction: 'up',
    migrationsTable: 'pgmigrations',
    schema,
    createSchema: options.schema !== undefined,
    checkOrder: true,
    singleTransaction: true,
    // Several workers (or test files) starting together queue on the lock instead of failing.
    advisoryLockMode: 'wait',
    log: options.log ?? (() => {}),
  });
  if (options.runtimeDatabaseUrl && options.runtimeDatabaseUrl !== options.databaseUrl) {
    await grantRuntimeAccess({
      migrationDatabaseUrl: options.databaseUrl,
      runtimeDatabaseUrl: options.runtimeDatabaseUrl,
      schema,
    });
  }
  return applied.map((m) => m.name);
}

/** Names of the migrations this database has applied. */
export async function appliedMigrations(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>('SELECT name FROM pgmigrations');
  return rows.map((r) => r.name);
}
