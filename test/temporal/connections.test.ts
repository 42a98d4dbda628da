import { expect, inject, test } from 'vitest';
import { connectClient } from '../../src/temporal/connections.js';
import { startTcpProxy } from '../support/tcpProxy.js';

test('closing the client while Temporal is down waits for the retrying call, and nothing throws afterwards', async () => {
  const proxy = await startTcpProxy(inject('temporalAddress'));
  const temporal = await connectClient({ address: proxy.address, namespace: 'default', tls: false });
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);
  process.on('uncaughtException', onUncaught);
  try {
    await proxy.cut();
    const events: string[] = [];
    const connection = temporal.client.connection;
    // Retried by the SDK (UNAVAILABLE) until the deadline: in flight when close is called.
    const call = connection
      .withDeadline(Date.now() + 1_500, () => temporal.client.workflowService.getSystemInfo({}))
      .then(
        () => events.push('answered'),
        () => events.push('call failed'),
      );
    const closed = temporal.close().then(() => events.push('closed'));
    await Promise.all([call, closed]);
    expect(events).toEqual(['call failed', 'closed']);
    // A retry timer left behind would fire within about 1.6 s of the deadline.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(uncaught.map(String)).toEqual([]);
  } finally {
    process.off('uncaughtException', onUncaught);
  }
}, 20_000);
