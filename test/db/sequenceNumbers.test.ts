import { afterAll, beforeAll, expect, test } from 'vitest';
import { inTransaction } from '../../src/db/pool.js';
import { allocatePermitNumber, allocateRegistrationNumber } from '../../src/db/sequenceNumbers.js';
import { startTestStack, type TestStack } from '../support/testStack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack('seq');
});
afterAll(async () => {
  await stack?.stop();
});

test('registration numbers under concurrency are unique and gap-free per type and year', async () => {
  // 40 concurrent submitters of one type, a quarter of which roll back after taking a number.
  const results = await Promise.allSettled(
    Array.from({ length: 40 }, (_, i) =>
      inTransaction(stack.pool, async (client) => {
        const number = await allocateRegistrationNumber(client, 'PBG', 2026);
        if (i % 4 === 3) throw new Error('rolled back');
        return number;
      }),
    ),
  );
  const issued = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])).sort();
  expect(issued).toHaveLength(30);
  expect(issued).toEqual(Array.from({ length: 30 }, (_, i) => `PBG-2026-${String(i + 1).padStart(6, '0')}`));
});

test('each permit type and year has its own sequence', async () => {
  const numbers = await inTransaction(stack.pool, async (client) => [
    await allocateRegistrationNumber(client, 'SIP-DOKTER', 2026),
    await allocateRegistrationNumber(client, 'SIP-DOKTER', 2027),
    await allocateRegistrationNumber(client, 'SIP-DOKTER', 2026),
    await allocatePermitNumber(client, 'SIP-DOKTER', 2026),
  ]);
  expect(numbers).toEqual([
    'SIP-DOKTER-2026-000001',
    'SIP-DOKTER-2027-000001',
    'SIP-DOKTER-2026-000002',
    'SK/SIP-DOKTER/2026/000001',
  ]);
});
