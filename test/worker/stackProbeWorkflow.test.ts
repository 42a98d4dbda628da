import { afterAll, beforeAll, expect, test } from 'vitest';
import { stackProbeWorkflow } from '../../src/workflows/index.js';
import { type RunningWorker, startTestStack, type TestStack } from '../support/testStack.js';

let stack: TestStack;
let worker: RunningWorker;

beforeAll(async () => {
  stack = await startTestStack('probe');
  worker = await stack.startWorker();
});
afterAll(async () => {
  await worker?.stop();
  await stack?.stop();
});

test('a workflow run on the real worker writes its row through an activity into Postgres', async () => {
  const probeId = `probe-${Date.now()}`;
  const writtenAt = await stack.client.workflow.execute(stackProbeWorkflow, {
    taskQueue: stack.taskQueue,
    workflowId: probeId,
    args: [probeId],
  });
  const { rows } = await stack.pool.query('SELECT written_at FROM stack_probes WHERE probe_id = $1', [
    probeId,
  ]);
  expect(rows).toHaveLength(1);
  expect(rows[0].written_at.toISOString()).toBe(writtenAt);
});
