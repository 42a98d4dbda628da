import { Connection } from '@temporalio/client';

// The SDK's retry interceptor (client/src/grpc-retry.ts) schedules each retry with a timer and
// does not check whether the channel was closed meanwhile: closing the connection while one is
// pending makes that timer throw "Channel has been shut down" after the test file ended. The
// last retry of a call falls due at most about 1.6 s after its deadline (backoff 100 ms
// doubling, 20 % jitter), so closing waits that long after the last call.
const RETRY_TAIL_MS = 2_500;

/** Closes a connection whose calls failed, once the SDK's pending retries have fired. */
export async function closeAfterFailedCalls(close: () => Promise<void>): Promise<void> {
  await new Promise((r) => setTimeout(r, RETRY_TAIL_MS));
  await close().catch(() => {});
}

/** A Temporal connection to a port where nothing listens: every call fails as in an outage. */
export function deadTemporalConnection(): { connection: Connection; close(): Promise<void> } {
  const connection = Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 500 });
  return { connection, close: () => closeAfterFailedCalls(() => connection.close()) };
}
