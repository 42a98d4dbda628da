import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestStack, type TestStack } from '../support/testStack.js';

/**
 * A database that goes away while a client is checked out (between two statements, as when the
 * outbox sends a notice to Telegram) must fail that client's next statement, not end the process
 * with an unheard 'error' event; the pool then serves new statements on fresh connections.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack('poolloss');
});
afterAll(async () => {
  await stack?.stop();
});

test('a checked-out client whose connection is terminated fails its next statement only', async () => {
  const client = await stack.pool.connect();
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const terminated = await stack.pool.query('SELECT pg_terminate_backend($1) AS done', [rows[0]!.pid]);
  expect(terminated.rows[0].done).toBe(true);
  // The server's goodbye reaches the idle client here; without a listener the process would end.
  await new Promise((r) => setTimeout(r, 300));
  await expect(client.query('SELECT 1')).rejects.toThrow();
  client.release();
  const after = await stack.pool.query<{ one: number }>('SELECT 1 AS one');
  expect(after.rows).toEqual([{ one: 1 }]);
});
