import type { WorkflowHandle } from '@temporalio/client';

/** Every payload of a workflow's history, decoded (they are base64 JSON), to look for what must not be there. */
export async function historyPayloads(handle: WorkflowHandle): Promise<string> {
  const history = JSON.stringify(await handle.fetchHistory());
  return [...history.matchAll(/"data":"([A-Za-z0-9+/=]+)"/g)]
    .map((m) => Buffer.from(m[1]!, 'base64').toString('utf8'))
    .join('\n');
}
