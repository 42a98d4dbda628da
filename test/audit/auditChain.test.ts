import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { runner } from 'node-pg-migrate';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { MIGRATIONS_DIR, runMigrations } from '../../src/db/migrate.js';
import { createPool, type Pool, quoteIdent } from '../../src/db/pool.js';
import { canonicalAuditEvent, chainLink, GENESIS_LINK } from '../../src/domain/audit/auditChain.js';
import { auditChainPage, dailyAuditHeads } from '../../src/repositories/auditChainRepository.js';
import { verifyAuditChain } from '../../src/services/auditTrailService.js';
import { startTestStack, type TestStack } from '../support/testStack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack('audit_chain');
});
afterAll(async () => {
  await stack?.stop();
});

/** Inserts one event as the app's role; the trigger fills in the chain columns. */
async function insertEvent(
  db: Pool,
  workflowId: string,
  sequence: number,
  extra: { reason?: string; detailsJson?: string; occurredAt?: string; recordedAt?: string } = {},
): Promise<void> {
  await db.query(
    `INSERT INTO audit_events (workflow_id, sequence, occurred_at, actor_kind, action, to_status, reason,
                               details, recorded_at)
     VALUES ($1, $2, coalesce($3::timestamptz, now()), 'system', 'submitted', 'SUBMITTED', $4,
             coalesce($5::jsonb, '{}'), coalesce($6::timestamptz, now()))`,
    [
      workflowId,
      sequence,
      extra.occurredAt ?? null,
      extra.reason ?? null,
      extra.detailsJson ?? null,
      extra.recordedAt ?? null,
    ],
  );
}

const awkwardReason = 'Kata "kunci" \\ baris\nbaru\ttab \u0001 kontrol, é, 𝄞, 漢字 </script>';
// As JSON text, so PostgreSQL's own number normalisation (2.50, 1e21, 1.0) is what gets mirrored.
const awkwardDetailsJson =
  '{"zeta": [1, 2.50, -0.001, 1e21, 12345678901234567890, 1.0, null, true, false], ' +
  '"a": {"bb": "x", "c": {"nested": "ya"}, "": "kosong"}, "ab": "teks \\"kutip\\" \\u00e9 \\n"}';

test('each event links to the previous one over the table and within its file, as the TS mirror computes', async () => {
  await insertEvent(stack.pool, 'A-2026-000001', 1);
  await insertEvent(stack.pool, 'B-2026-000001', 1, {
    reason: awkwardReason,
    detailsJson: awkwardDetailsJson,
  });
  await insertEvent(stack.pool, 'A-2026-000001', 2, { occurredAt: '2026-01-02 03:04:05.123456+07' });
  const events = await auditChainPage(stack.pool, 0, 100);
  expect(events.map((e) => [e.workflowId, e.sequence, e.chainPosition])).toEqual([
    ['A-2026-000001', 1, 1],
    ['B-2026-000001', 1, 2],
    ['A-2026-000001', 2, 3],
  ]);
  // The SQL definition of the canonical content and its TS mirror agree, awkward text included.
  const { rows } = await stack.pool.query<{ canonical: string }>(
    'SELECT audit_event_canonical(e) AS canonical FROM audit_events e ORDER BY chain_position',
  );
  expect(events.map(canonicalAuditEvent)).toEqual(rows.map((r) => r.canonical));
  expect(rows[2]?.canonical).toContain('"2026-01-01T20:04:05.123456Z"');
  // Table chain: 1 → 2 → 3; file chains: A1 → A2, B1 alone.
  const [a1, b1, a2] = events.map((e) => ({ e, c: canonicalAuditEvent(e) }));
  expect(a1!.e.chainHash).toBe(chainLink(GENESIS_LINK, a1!.c));
  expect(b1!.e.chainHash).toBe(chainLink(a1!.e.chainHash, b1!.c));
  expect(a2!.e.chainHash).toBe(chainLink(b1!.e.chainHash, a2!.c));
  expect(b1!.e.fileChainHash).toBe(chainLink(GENESIS_LINK, b1!.c));
  expect(a2!.e.fileChainHash).toBe(chainLink(a1!.e.fileChainHash, a2!.c));
  expect(await verifyAuditChain(stack.pool)).toEqual({ intact: true, events: 3, head: a2!.e.chainHash });
});

test('links given by the inserter are replaced, and a discarded duplicate leaves the chain as it was', async () => {
  await stack.pool.query(
    `INSERT INTO audit_events (workflow_id, sequence, occurred_at, actor_kind, action, to_status,
                               chain_position, chain_hash, file_chain_hash)
     VALUES ('C-2026-000001', 1, now(), 'system', 'submitted', 'SUBMITTED', 999, 'forged', 'forged')`,
  );
  const { rowCount } = await stack.pool.query(
    `INSERT INTO audit_events (workflow_id, sequence, occurred_at, actor_kind, action, to_status)
     VALUES ('C-2026-000001', 1, now(), 'system', 'other', 'SUBMITTED') ON CONFLICT DO NOTHING`,
  );
  expect(rowCount).toBe(0);
  await insertEvent(stack.pool, 'C-2026-000001', 2);
  const positions = await stack.pool.query<{ chain_position: string; chain_hash: string }>(
    `SELECT chain_position, chain_hash FROM audit_events WHERE workflow_id = 'C-2026-000001' ORDER BY sequence`,
  );
  expect(positions.rows.map((r) => Number(r.chain_position))).toEqual([4, 5]);
  expect(positions.rows[0]?.chain_hash).toMatch(/^[0-9a-f]{64}$/);
  expect(await verifyAuditChain(stack.pool)).toMatchObject({ intact: true, events: 5 });
});

test('concurrent inserts are chained one after another, with no gap or shared position', async () => {
  const { rows: before } = await stack.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM audit_events',
  );
  const writers = Array.from({ length: 4 }, () =>
    createPool(stack.databaseUrl, { schema: stack.schema, max: 1 }),
  );
  try {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => insertEvent(writers[i % writers.length]!, `D-2026-${i % 5}`, i)),
    );
  } finally {
    await Promise.all(writers.map((w) => w.end()));
  }
  expect(await verifyAuditChain(stack.pool)).toMatchObject({ intact: true, events: before[0]!.n + 40 });
});

test('the published daily heads are the last event of each Asia/Jakarta day, for the last 30 days', async () => {
  const heads = await withFreshSchema(async (pool) => {
    const at = async (expression: string) =>
      (await pool.query<{ t: string }>(`SELECT (${expression})::text AS t`)).rows[0]!.t;
    const midnight = "(date_trunc('day', now() AT TIME ZONE 'Asia/Jakarta') AT TIME ZONE 'Asia/Jakarta')";
    await insertEvent(pool, 'E-1', 1, { recordedAt: await at("now() - interval '40 days'") });
    await insertEvent(pool, 'E-1', 2, { recordedAt: await at(`${midnight} - interval '2 days'`) });
    await insertEvent(pool, 'E-1', 3, { recordedAt: await at(`${midnight} - interval '1 second'`) });
    await insertEvent(pool, 'E-1', 4, { recordedAt: await at(`${midnight} - interval '2 hours'`) });
    await insertEvent(pool, 'E-1', 5);
    return dailyAuditHeads(pool, 30);
  });
  const hashes = heads.rows;
  const day = (offset: number) =>
    new Date(Date.now() + 7 * 3_600_000 - offset * 86_400_000).toISOString().slice(0, 10);
  // Yesterday (WIB) ended with its last event in chain order (position 4), not its latest time.
  expect(heads.result).toEqual([
    { day: day(2), position: 2, hash: hashes[1] },
    { day: day(1), position: 4, hash: hashes[3] },
    { day: day(0), position: 5, hash: hashes[4] },
  ]);
});

test('existing events are chained in the order they were recorded when the migration runs', async () => {
  const chainMigration = readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .findIndex((f) => f.includes('audit-chain'));
  const ownerUrl = inject('migrationDatabaseUrl');
  const schema = `t_chain_migration_${randomBytes(4).toString('hex')}`;
  const owner = createPool(ownerUrl, { schema, max: 1 });
  try {
    await runner({
      databaseUrl: ownerUrl,
      dir: MIGRATIONS_DIR,
      direction: 'up',
      count: chainMigration,
      migrationsTable: 'pgmigrations',
      schema,
      createSchema: true,
      // Other test files migrate their schemas at the same time: queue on the lock, as the app does.
      advisoryLockMode: 'wait',
      log: () => {},
    });
    for (const [workflowId, sequence] of [
      ['F-1', 1],
      ['F-2', 1],
      ['F-1', 2],
    ] as const) {
      await owner.query(
        `INSERT INTO audit_events (workflow_id, sequence, occurred_at, actor_kind, action, to_status, reason)
         VALUES ($1, $2, now(), 'system', 'submitted', 'SUBMITTED', $3)`,
        [workflowId, sequence, awkwardReason],
      );
    }
    await runMigrations({ databaseUrl: ownerUrl, schema });
    const { rows } = await owner.query<{ id: string; chain_position: string }>(
      'SELECT id, chain_position FROM audit_events ORDER BY id',
    );
    expect(rows.map((r) => Number(r.chain_position))).toEqual([1, 2, 3]);
    expect(await verifyAuditChain(owner)).toMatchObject({ intact: true, events: 3 });
  } finally {
    await owner.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
    await owner.end();
  }
});

/** A schema of its own (for tests that need the chain to start empty), migrated and dropped. */
async function withFreshSchema<T>(work: (pool: Pool) => Promise<T>): Promise<{ result: T; rows: string[] }> {
  const ownerUrl = inject('migrationDatabaseUrl');
  const schema = `t_chain_heads_${randomBytes(4).toString('hex')}`;
  await runMigrations({ databaseUrl: ownerUrl, runtimeDatabaseUrl: stack.databaseUrl, schema });
  const pool = createPool(stack.databaseUrl, { schema, max: 2 });
  const owner = createPool(ownerUrl, { max: 1 });
  try {
    const result = await work(pool);
    const { rows } = await pool.query<{ chain_hash: string }>(
      'SELECT chain_hash FROM audit_events ORDER BY chain_position',
    );
    return { result, rows: rows.map((r) => r.chain_hash) };
  } finally {
    await pool.end();
    await owner.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
    await owner.end();
  }
}
