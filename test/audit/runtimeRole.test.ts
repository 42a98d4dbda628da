import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestStack, type TestStack } from '../support/testStack.js';

// The app connects as a runtime role that owns nothing: it adds audit events and reads them, but
// cannot rewrite, empty or unprotect the audit trails.

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack('runtime_role');
  await stack.pool.query(
    `INSERT INTO audit_events (workflow_id, sequence, occurred_at, actor_kind, action, to_status)
     VALUES ('R-2026-000001', 1, now(), 'system', 'submitted', 'SUBMITTED')`,
  );
  await stack.pool.query(
    `INSERT INTO admin_audit (actor_kind, actor_id, action, target_kind, target_id)
     VALUES ('admin', 'a', 'officer_created', 'officer', 'o')`,
  );
});
afterAll(async () => {
  await stack?.stop();
});

const PERMISSION_DENIED = '42501';

test.each([
  ['TRUNCATE audit_events'],
  ['TRUNCATE admin_audit'],
  ["UPDATE audit_events SET reason = 'rewritten'"],
  ["UPDATE admin_audit SET action = 'rewritten'"],
  ['DELETE FROM audit_events'],
  ['DELETE FROM admin_audit'],
  ['ALTER TABLE audit_events DISABLE TRIGGER USER'],
  ['ALTER TABLE admin_audit DISABLE TRIGGER admin_audit_no_update_or_delete'],
  ['DROP TABLE audit_events'],
  // An issued permit document never changes or goes; only its revocation columns may be set.
  ["UPDATE permit_documents SET sha256 = repeat('0', 64)"],
  ["UPDATE permit_document_contents SET content = ''"],
  ['DELETE FROM permit_documents'],
  ['DELETE FROM permit_document_contents'],
  // Nor does a payment receipt, once issued.
  ["UPDATE payment_receipts SET reference = 'rewritten'"],
  ['DELETE FROM payment_receipts'],
])('the app role is refused: %s', async (statement) => {
  await expect(stack.pool.query(statement)).rejects.toMatchObject({ code: PERMISSION_DENIED });
});

test('the app role owns no table and is no superuser, yet works with the rest of the schema', async () => {
  const { rows } = await stack.pool.query<{ user: string; superuser: boolean; owned: string[] }>(
    `SELECT current_user AS user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
            array(SELECT tablename::text FROM pg_tables WHERE schemaname = $1 AND tableowner = current_user) AS owned`,
    [stack.schema],
  );
  expect(rows[0]).toMatchObject({ superuser: false, owned: [] });
  await stack.pool.query('UPDATE officers SET name = name');
  await stack.pool.query('DELETE FROM blocked_chats WHERE chat_id = 0');
  await stack.pool.query(
    "UPDATE permit_documents SET revoked_at = now(), revocation_reason = 'x', revoked_by = NULL WHERE false",
  );
  expect((await stack.pool.query('SELECT count(*)::int AS n FROM audit_events')).rows[0]).toEqual({ n: 1 });
});
