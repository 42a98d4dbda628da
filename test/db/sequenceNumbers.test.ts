import { afterAll, beforeAll, expect, test } from 'vitest';
import { inTransaction } from '../../src/db/pool.js';
import { allocatePermitNumber, insertApplicationWithNumber } from '../../src/db/sequenceNumbers.js';
import { formatRegistrationNumber } from '../../src/domain/identifiers/registrationNumber.js';
import { startTestStack, type TestStack } from '../support/testStack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack('seq');
});
afterAll(async () => {
  await stack?.stop();
});

const newRow = (idempotencyKey: string) => ({
  status: 'SUBMITTED',
  channel: 'api',
  access_code_hash: 'scrypt$1024$8$1$c2FsdA$a2V5',
  idempotency_key: idempotencyKey,
});

test('registration numbers under concurrency are unique and gap-free per type and year', async () => {
  expect(await insertApplicationWithNumber(stack.pool, 'PBG', 2026, newRow('taken'))).toBe('PBG-2026-000001');
  // 40 concurrent submissions of one type; a quarter fail after taking a number (a duplicate
  // idempotency key), which must give the number back.
  const results = await Promise.allSettled(
    Array.from({ length: 40 }, (_, i) =>
      insertApplicationWithNumber(stack.pool, 'PBG', 2026, newRow(i % 4 === 3 ? 'taken' : `key-${i}`)),
    ),
  );
  const issued = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])).sort();
  // Built in SQL: the same shape as the domain's formatter.
  expect(issued).toEqual(Array.from({ length: 30 }, (_, i) => formatRegistrationNumber('PBG', 2026, i + 2)));
  const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
  expect(refused).toHaveLength(10);
  for (const error of refused) expect(error).toMatchObject({ code: '23505' });
  const { rows } = await stack.pool.query(
    `SELECT registration_number, idempotency_key, status FROM applications WHERE idempotency_key = 'key-0'`,
  );
  expect(rows).toEqual([
    {
      registration_number: expect.stringMatching(/^PBG-2026-/),
      idempotency_key: 'key-0',
      status: 'SUBMITTED',
    },
  ]);
});

test('each permit type and year has its own sequence', async () => {
  const numbers = [
    await insertApplicationWithNumber(stack.pool, 'SIP-DOKTER', 2026, newRow('sip-1')),
    await insertApplicationWithNumber(stack.pool, 'SIP-DOKTER', 2027, newRow('sip-2')),
    await insertApplicationWithNumber(stack.pool, 'SIP-DOKTER', 2026, newRow('sip-3')),
    await inTransaction(stack.pool, (client) => allocatePermitNumber(client, 'SIP-DOKTER', 2026)),
  ];
  expect(numbers).toEqual([
    'SIP-DOKTER-2026-000001',
    'SIP-DOKTER-2027-000001',
    'SIP-DOKTER-2026-000002',
    'SK/SIP-DOKTER/2026/000001',
  ]);
});

test('a type whose numbers for the year are used up is refused, not given a malformed number', async () => {
  await stack.pool.query(
    `INSERT INTO registration_counters (permit_type, year, last_value) VALUES ('IMB', 2026, 999999)`,
  );
  await expect(insertApplicationWithNumber(stack.pool, 'IMB', 2026, newRow('full'))).rejects.toThrow(
    /used up/,
  );
});
