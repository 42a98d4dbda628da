import { Connection } from '@temporalio/client';

// The SDK's retry interceptor (client/src/grpc-retry.ts) schedules each retry with a timer and
// does not check whether the channel was closed meanwhile: closing the connection while one is
// pending makes that timer throw "Channel has been shut down" after the test file ended. This
// bare connection has no CallsInFlight (src/temporal/connections.ts drains the roles' clients);
// its calls here have deadlines of 1.5–2 s, and a retry scheduled before the deadline fires at
// most about 1.7 s after it (back-off 100 ms × 1.7^n, 20 % jitter), so closing waits 2.5 s.
const RETRY_TAIL_MS = 2_500;

/** Closes a connection whose calls failed, once the SDK's pending retries have fired. */
async function closeAfterFailedCalls(close: () => Promise<void>): Promise<void> {
  await new Promise((r) => setTimeout(r, RETRY_TAIL_MS));
  await close().catch(() => {});
}

/** A Temporal connection to a port where nothing listens: every call fails as in an outage. */
export function deadTemporalConnection(): { connection: Connection; close(): Promise<void> } {
  const connection = Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 500 });
  return { connection, close: () => closeAfterFailedCalls(() => connection.close()) };
}
