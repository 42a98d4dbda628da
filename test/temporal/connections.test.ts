import { expect, inject, test } from 'vitest';
import { connectClient } from '../../src/temporal/connections.js';
import { startTcpProxy } from '../support/tcpProxy.js';

test('closing the client while Temporal is down ends the retrying call first, within a back-off, and nothing throws afterwards', async () => {
  const proxy = await startTcpProxy(inject('temporalAddress'));
  const temporal = await connectClient({ address: proxy.address, namespace: 'default', tls: false });
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);
  process.on('uncaughtException', onUncaught);
  let closing: Promise<void> | undefined;
  try {
    await proxy.cut();
    // Retried by the SDK (UNAVAILABLE) until its deadline: the SDK's ten attempts take longer
    // than 15 s, so without the drain this call would end DEADLINE_EXCEEDED.
    const call = temporal.client.connection
      .withDeadline(Date.now() + 15_000, () => temporal.client.workflowService.getSystemInfo({}))
      .then(
        () => 'answered',
        (error: unknown) => String(error),
      );
    await new Promise((r) => setTimeout(r, 500)); // a few attempts in: waiting to retry
    // Resolves only once the call ended (it throws when calls are still in flight at its cap).
    closing = temporal.close();
    await closing;

    expect(await call).toMatch(/UNAVAILABLE/);
    // A retry timer left behind would have fired within a back-off of the close.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(uncaught.map(String)).toEqual([]);
  } finally {
    process.off('uncaughtException', onUncaught);
    await (closing ?? temporal.close()).catch(() => {});
  }
}, 30_000);
