import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPool, type Pool } from '../../src/db/pool.js';
import { startTestStack, type TestStack } from '../support/testStack.js';

// `npm run audit:verify` run for real, as an operator would, against this file's schema.

const run = promisify(execFile);
let stack: TestStack;
let owner: Pool;

beforeAll(async () => {
  stack = await startTestStack('audit_verify');
  owner = createPool(stack.migrationDatabaseUrl, { schema: stack.schema, max: 1 });
  for (const [workflowId, sequence] of [
    ['V-2026-000001', 1],
    ['V-2026-000002', 1],
    ['V-2026-000001', 2],
    ['V-2026-000001', 3],
  ] as const) {
    await stack.pool.query(
      `INSERT INTO audit_events (workflow_id, sequence, occurred_at, actor_kind, action, to_status, reason)
       VALUES ($1, $2, now(), 'officer', 'stage_approved', 'IN_REVIEW', 'sesuai')`,
      [workflowId, sequence],
    );
  }
});
afterAll(async () => {
  await owner?.end();
  await stack?.stop();
});

/** The script with the app's environment: DATABASE_URL (the runtime role) on this schema. */
async function auditVerify(): Promise<{ code: number; stdout: string; stderr: string }> {
  const url = new URL(stack.databaseUrl);
  url.searchParams.set('options', `-c search_path=${stack.schema}`);
  const env = { ...process.env, DATABASE_URL: url.toString(), MIGRATION_DATABASE_URL: '', LOG_LEVEL: 'warn' };
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'audit:verify'], {
      env,
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout: string; stderr: string };
    return { code: failed.code ?? -1, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Changes rows as the tables' owner with the append-only triggers off: behind the app's back. */
async function tamper(statement: string): Promise<void> {
  await owner.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
  try {
    await owner.query(statement);
  } finally {
    await owner.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
  }
}

test('an intact trail verifies, and an event changed behind the app’s back is named', async () => {
  const intact = await auditVerify();
  expect(intact).toMatchObject({ code: 0, stderr: '' });
  expect(intact.stdout).toMatch(/Audit trail intact: 4 events; head [0-9a-f]{64}/);

  const { rows } = await owner.query<{ id: string }>(
    "SELECT id::text FROM audit_events WHERE workflow_id = 'V-2026-000001' AND sequence = 2",
  );
  await tamper(`UPDATE audit_events SET reason = 'tidak sesuai' WHERE id = ${rows[0]!.id}`);
  const broken = await auditVerify();
  expect(broken.code).toBe(1);
  expect(broken.stderr).toContain(
    `Audit trail BROKEN at event id ${rows[0]!.id} (file V-2026-000001, sequence 2, chain position 3)`,
  );
});

test('a removed event is found at the event after it', async () => {
  await tamper("DELETE FROM audit_events WHERE workflow_id = 'V-2026-000002'");
  const broken = await auditVerify();
  expect(broken.code).toBe(1);
  expect(broken.stderr).toMatch(
    /BROKEN at event id \d+ \(file V-2026-000001, sequence 2, chain position 3\): expected chain position 2/,
  );
});
