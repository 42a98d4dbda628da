import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Pool } from '../../src/db/pool.js';
import type { SubmitApplicationRequest } from '../../src/services/submitApplication.js';
import { testCatalog, VALID_NIK } from './permitScenario.js';
import type { TestStack } from './testStack.js';

/** A complete TEST-FREE submission with a fresh Idempotency-Key. */
export function submissionRequest(
  overrides: Partial<SubmitApplicationRequest> = {},
): SubmitApplicationRequest {
  return {
    permitTypeCode: 'TEST-FREE',
    formData: { applicantNik: VALID_NIK, fullName: 'Siti Rahmawati', phone: '081234567890' },
    documents: [{ kind: 'ktp', sha256: 'a'.repeat(64), mimeType: 'application/pdf', sizeBytes: 1000 }],
    channel: 'api',
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

/** What submitApplication and the intake reconciler need, on the test stack. */
export function intakeDependencies(stack: TestStack) {
  return {
    pool: stack.pool,
    temporal: stack.client,
    catalog: testCatalog,
    calendar: stack.calendar,
    taskQueue: stack.taskQueue,
  };
}

/** A Temporal client whose workflow starts fail, as in an outage or a crash before the start. */
export function clientWhoseStartsFail(message: string): Client {
  const start = async () => {
    throw new Error(message);
  };
  return { workflow: { start } } as unknown as Client;
}

/**
 * The pool, except that statements containing `sqlFragment` fail: the process "dies" there.
 * A statement comes as its text or as a query config (a named statement).
 */
export function poolFailingOn(pool: Pool, sqlFragment: string, message = 'process killed'): Pool {
  const textOf = (statement: unknown) =>
    typeof statement === 'string' ? statement : String((statement as { text?: unknown }).text);
  return new Proxy(pool, {
    get(target, property, receiver) {
      if (property !== 'query') return Reflect.get(target, property, receiver);
      return (statement: unknown, ...rest: unknown[]) =>
        textOf(statement).includes(sqlFragment)
          ? Promise.reject(new Error(message))
          : (target.query as (...args: unknown[]) => unknown).call(target, statement, ...rest);
    },
  });
}

export async function registrationNumberOf(pool: Pool, idempotencyKey: string): Promise<string> {
  const { rows } = await pool.query<{ registration_number: string }>(
    'SELECT registration_number FROM applications WHERE idempotency_key = $1',
    [idempotencyKey],
  );
  return rows[0]!.registration_number;
}
