import { afterAll, beforeAll, expect, test } from 'vitest';
import { auditActions, decide, seedOfficers, submit, view } from '../support/permitScenario.js';
import { RecordingChannel } from '../support/recordingChannel.js';
import { startTestStack, type TestStack } from '../support/testStack.js';
import { waitFor } from '../support/waitFor.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack('restart');
  await seedOfficers(stack.pool);
});
afterAll(async () => {
  await stack?.stop();
});

// The old worker's sticky queue times out (10 s) before the new worker gets the file: generous bounds.
test('a worker stopped mid-stage is replaced by a new one that resumes the file with its timers', {
  timeout: 120_000,
}, async () => {
  const first = await stack.startWorker({ channel: new RecordingChannel() });
  const { registrationNumber, handle } = await submit(stack, 'TEST-FAST');
  const clock = await waitFor('the stage clock', async () => (await view(handle)).clock ?? undefined);
  await first.stop();

  // While no worker runs, the reminder (2 s) and the breach (4 s) fall due.
  const breachDue = Date.parse(clock.startedAt) + 4000;
  await waitFor('the breach instant to pass', () => Date.now() > breachDue + 200, 10_000);
  expect(await auditActions(stack.pool, registrationNumber)).toEqual(['submitted']);

  const channel = new RecordingChannel();
  const second = await stack.startWorker({ channel });
  try {
    await waitFor(
      'the late checkpoints',
      async () => (await auditActions(stack.pool, registrationNumber)).includes('sla_second_level'),
      45_000,
    );
    expect(await auditActions(stack.pool, registrationNumber)).toEqual([
      'submitted',
      'sla_reminder',
      'sla_breached',
      'sla_second_level',
    ]);
    const state = await decide(handle, 'verifikator', { decision: 'approve' });
    expect(state.stageKey).toBe('decision');
    expect(state.breachedStages).toEqual(['completeness']);
    await waitFor(
      'the escalation notices from the new worker',
      () => channel.sent.some((n) => n.template === 'sla_breach'),
      45_000,
    );
  } finally {
    await second.stop();
  }
});
