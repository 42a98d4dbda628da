import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { CallsInFlight } from './callsInFlight.js';

export interface TemporalTarget {
  address: string;
  namespace: string;
  tls: boolean;
  apiKey?: string | undefined;
}

// Closing waits this long at most for the calls in flight: once draining stops retries, a call
// ends at its next attempt, within one back-off (at most 6 s).
const CLOSE_WAIT_MS = 8_000;

/**
 * A client for starting and updating workflows (self-hosted or Temporal Cloud by config). The
 * JavaScript gRPC connection, not the SDK's native one: a request's deadline (the API's
 * `temporalDeadline`) bounds its retries too (the first attempt after it fails at once), so an
 * outage is answered 503 within one back-off of the deadline. The native connection gives each
 * attempt the whole deadline, so its retries would outlive the request; its lower CPU cost per
 * workflow start does not make up for that.
 * `close` drains the calls in flight first (see CallsInFlight).
 */
export async function connectClient(
  target: TemporalTarget,
): Promise<{ client: Client; close: () => Promise<void> }> {
  const calls = new CallsInFlight();
  const connection = await Connection.connect({
    address: target.address,
    tls: target.tls ? {} : undefined,
    apiKey: target.apiKey,
    connectTimeout: 10_000,
    interceptors: calls.interceptors,
  });
  const close = async () => {
    const drained = await calls.drain(CLOSE_WAIT_MS);
    await connection.close();
    if (!drained)
      throw new Error(`Temporal client closed with calls still in flight after ${CLOSE_WAIT_MS} ms`);
  };
  return { client: new Client({ connection, namespace: target.namespace }), close };
}

export function connectWorker(target: TemporalTarget): Promise<NativeConnection> {
  return NativeConnection.connect({
    address: target.address,
    tls: target.tls ? {} : undefined,
    apiKey: target.apiKey,
  });
}
