import { randomBytes } from 'node:crypto';
import { expect, inject, test } from 'vitest';
import { runMigrations } from '../../src/db/migrate.js';
import { createPool, quoteIdent } from '../../src/db/pool.js';

// Migrations run as the tables' owner, as the app runs them (MIGRATION_DATABASE_URL).
test('migrations apply once and re-running them is a no-op', async () => {
  const databaseUrl = inject('migrationDatabaseUrl');
  const schema = `t_migrate_${randomBytes(4).toString('hex')}`;
  const pool = createPool(databaseUrl, { schema });
  try {
    const first = await runMigrations({ databaseUrl, schema });
    expect(first.length).toBeGreaterThan(0);
    const second = await runMigrations({ databaseUrl, schema });
    expect(second).toEqual([]);
    const { rows } = await pool.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
      [schema],
    );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'applications',
        'audit_events',
        'notification_outbox',
        'officers',
        'pgmigrations',
      ]),
    );
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
    await pool.end();
  }
});

test('the audit trail refuses updates, deletes and TRUNCATE, even from its owner', async () => {
  const databaseUrl = inject('migrationDatabaseUrl');
  const schema = `t_audit_${randomBytes(4).toString('hex')}`;
  await runMigrations({ databaseUrl, schema });
  const pool = createPool(databaseUrl, { schema });
  try {
    await pool.query(
      `INSERT INTO audit_events (workflow_id, sequence, occurred_at, actor_kind, action, to_status)
       VALUES ('X-2026-000001', 1, now(), 'system', 'submitted', 'SUBMITTED')`,
    );
    await expect(pool.query(`UPDATE audit_events SET reason = 'x'`)).rejects.toThrow(/append-only/);
    await expect(pool.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
    await expect(pool.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    await expect(pool.query('TRUNCATE admin_audit')).rejects.toThrow(/append-only/);
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
    await pool.end();
  }
});
