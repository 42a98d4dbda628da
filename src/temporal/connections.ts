import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';

export interface TemporalTarget {
  address: string;
  namespace: string;
  tls: boolean;
  apiKey?: string | undefined;
}

/** A client for starting and updating workflows (self-hosted or Temporal Cloud by config). */
export async function connectClient(
  target: TemporalTarget,
): Promise<{ client: Client; close: () => Promise<void> }> {
  const connection = await Connection.connect({
    address: target.address,
    tls: target.tls ? {} : undefined,
    apiKey: target.apiKey,
    connectTimeout: 10_000,
  });
  return { client: new Client({ connection, namespace: target.namespace }), close: () => connection.close() };
}

export function connectWorker(target: TemporalTarget): Promise<NativeConnection> {
  return NativeConnection.connect({
    address: target.address,
    tls: target.tls ? {} : undefined,
    apiKey: target.apiKey,
  });
}
