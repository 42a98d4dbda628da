import { afterAll, beforeAll, expect, test } from 'vitest';
import { preparedStatement } from '../../src/db/preparedStatement.js';
import { startTestStack, type TestStack } from '../support/testStack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack('prep');
});
afterAll(async () => {
  await stack?.stop();
});

test('one text is one statement name, and another text another', () => {
  const byKey = 'SELECT status FROM applications WHERE registration_number = $1';
  const first = preparedStatement(byKey, ['SIP-2026-000001']);
  const again = preparedStatement(byKey, ['SIP-2026-000002']);
  expect(first.name).toMatch(/^s_[0-9a-f]{24}$/);
  expect(again).toEqual({ name: first.name, text: byKey, values: ['SIP-2026-000002'] });
  expect(preparedStatement(`${byKey} AND status = $2`, ['x', 'y']).name).not.toBe(first.name);
});

test('a named statement stays prepared on its connection and answers for each run its own values', async () => {
  const text = 'SELECT $1::int * 2 AS doubled, current_schema() AS schema';
  const client = await stack.pool.connect();
  try {
    // More than five runs: from the sixth the server may use one generic plan for all values.
    for (let i = 1; i <= 8; i++) {
      const { rows } = await client.query(preparedStatement(text, [i]));
      expect(rows).toEqual([{ doubled: i * 2, schema: stack.schema }]);
    }
    const { rows } = await client.query('SELECT name, statement FROM pg_prepared_statements');
    expect(rows).toContainEqual({ name: preparedStatement(text, [0]).name, statement: text });
  } finally {
    client.release();
  }
});
