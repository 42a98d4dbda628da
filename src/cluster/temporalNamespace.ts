import { status as grpcStatus } from '@grpc/grpc-js';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';

// Closed files' histories stay this long for inspection in the Web UI; the app keeps its own
// audit trail in PostgreSQL for good.
const RETENTION = '30 days';

// Wire values of temporal.api.enums.v1.IndexedValueType and grpc.health.v1 ServingStatus (the
// proto package is not a runtime dependency of the app).
const INDEXED_VALUE_TYPE_KEYWORD = 2;
const HEALTH_SERVING = 1;

const isAlreadyExists = (error: unknown) => (error as { code?: number }).code === grpcStatus.ALREADY_EXISTS;

/** Waits until the frontend answers its health check, or `giveUp` names a reason to stop. */
export async function waitForFrontend(
  address: string,
  options: { timeoutMs: number; giveUp: () => string | undefined },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    const reason = options.giveUp();
    if (reason) throw new Error(reason);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        const health = await connection.healthService.check({
          service: 'temporal.api.workflowservice.v1.WorkflowService',
        });
        if (health.status === HEALTH_SERVING) return;
        lastError = `health status ${health.status}`;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(
    `the Temporal frontend did not answer on ${address} within ${options.timeoutMs / 1000} s (${lastError})`,
  );
}

/**
 * Registers the app's namespace and the search attribute the Web UI filters on (as the dev
 * server's flags do); both are kept when they exist already.
 */
export async function ensureNamespace(address: string, namespace: string): Promise<'created' | 'existed'> {
  const connection = await Connection.connect({ address });
  try {
    let outcome: 'created' | 'existed' = 'created';
    try {
      await connection.workflowService.registerNamespace({
        namespace,
        workflowExecutionRetentionPeriod: msToTs(RETENTION),
      });
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      outcome = 'existed';
    }
    try {
      await connection.operatorService.addSearchAttributes({
        namespace,
        searchAttributes: { PermitType: INDEXED_VALUE_TYPE_KEYWORD },
      });
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
    }
    return outcome;
  } finally {
    await connection.close();
  }
}
