import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { expect, inject, test } from 'vitest';
import {
  paymentConfirmedSignal,
  resubmitUpdate,
  withdrawUpdate,
} from '../../src/workflows/permit/permitContract.js';
import { decide, type PermitHandle, submit, usePermitStack } from '../support/permitScenario.js';

// Recorded histories of real runs, committed as fixtures: replaying them with the current
// workflow code catches a non-deterministic change before it reaches running files (use
// patched() for intended changes). `UPDATE_HISTORY_FIXTURES=1 npx vitest run <this file>`
// re-records them after an intended, patched change.
const FIXTURES = path.resolve('test/fixtures/histories');

const env = usePermitStack('replay');

const scenarios: Record<string, () => Promise<PermitHandle>> = {
  'issued-with-payment': async () => {
    const { handle } = await submit(env.stack, 'TEST-PAY');
    await decide(handle, 'verifikator', { decision: 'approve' });
    await decide(handle, 'teknis', { decision: 'approve' });
    await handle.signal(paymentConfirmedSignal, {
      reference: 'PAY-9',
      amount: 150000,
      paidAt: '2026-03-02T03:00:00Z',
    });
    await handle.signal(paymentConfirmedSignal, {
      reference: 'PAY-9',
      amount: 150000,
      paidAt: '2026-03-02T03:00:00Z',
    });
    const waitDecision = async () => {
      for (;;) {
        try {
          return await decide(handle, 'kepala', { decision: 'approve' });
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    };
    await waitDecision();
    return handle;
  },
  'revised-resubmitted-rejected': async () => {
    const { handle } = await submit(env.stack, 'TEST-FREE');
    await decide(handle, 'verifikator', { decision: 'revise', note: 'KTP buram' });
    await handle.executeUpdate(resubmitUpdate, { args: [{ note: 'KTP baru' }] });
    await decide(handle, 'verifikator', { decision: 'approve' });
    await decide(handle, 'teknisDinkes', { decision: 'reject', reason: 'STR kedaluwarsa' });
    return handle;
  },
  'deemed-approved-after-escalation': async () => {
    const { handle } = await submit(env.stack, 'TEST-FAST-DEEMED');
    await decide(handle, 'verifikator', { decision: 'approve' });
    return handle;
  },
  withdrawn: async () => {
    const { handle } = await submit(env.stack, 'TEST-FREE');
    await handle.executeUpdate(withdrawUpdate, { args: [{ reason: 'batal' }] });
    return handle;
  },
};

test('recorded histories of every outcome replay against the current workflow code', async () => {
  if (process.env.UPDATE_HISTORY_FIXTURES === '1') {
    for (const [name, run] of Object.entries(scenarios)) {
      const handle = await run();
      await handle.result();
      const history = await handle.fetchHistory();
      // The protobuf JSON form, as `temporal workflow show --output json` writes it.
      await writeFile(
        path.join(FIXTURES, `${name}.json`),
        `${JSON.stringify(JSON.parse(historyToJSON(history)), null, 1)}\n`,
      );
    }
  }
  const files = (await readdir(FIXTURES)).filter((f) => f.endsWith('.json')).sort();
  expect(files).toEqual(
    Object.keys(scenarios)
      .map((name) => `${name}.json`)
      .sort(),
  );
  const histories = await Promise.all(
    files.map(async (file) => ({
      workflowId: file.replace(/\.json$/, ''),
      history: JSON.parse(await readFile(path.join(FIXTURES, file), 'utf8')),
    })),
  );
  const results = Worker.runReplayHistories(
    { workflowBundle: { codePath: inject('workflowBundlePath') } },
    histories,
  );
  let replayed = 0;
  for await (const result of results) {
    expect(result.error, `${result.workflowId} replays without non-determinism`).toBeUndefined();
    replayed += 1;
  }
  expect(replayed).toBe(files.length);
});

test('a history recorded just now replays too', async () => {
  const handle = await scenarios['revised-resubmitted-rejected']!();
  await handle.result();
  const history = await handle.fetchHistory();
  await expect(
    Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history),
  ).resolves.toBeUndefined();
});
