import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';

export interface TemporalTarget {
  address: string;
  namespace: string;
  tls: boolean;
  apiKey?: string | undefined;
}

/**
 * A client for starting and updating workflows (self-hosted or Temporal Cloud by config). Its
 * gRPC runs in the SDK's Rust core (NativeConnection), as the worker's does: a workflow start
 * costs the API process markedly less CPU than through the pure-JavaScript gRPC stack.
 */
export async function connectClient(
  target: TemporalTarget,
): Promise<{ client: Client; close: () => Promise<void> }> {
  const connection = await connectNative(target);
  return { client: new Client({ connection, namespace: target.namespace }), close: () => connection.close() };
}

export function connectWorker(target: TemporalTarget): Promise<NativeConnection> {
  return connectNative(target);
}

function connectNative(target: TemporalTarget): Promise<NativeConnection> {
  return NativeConnection.connect({
    address: target.address,
    tls: target.tls ? {} : undefined,
    apiKey: target.apiKey,
  });
}
