import { status as grpcStatus } from '@grpc/grpc-js';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';

// Closed files' histories stay this long for inspection in the Web UI; the app keeps its own
// audit trail in PostgreSQL for good.
const RETENTION = '30 days';

// The wire value of temporal.api.enums.v1.IndexedValueType.KEYWORD (the proto package is not a
// runtime dependency of the app).
const INDEXED_VALUE_TYPE_KEYWORD = 2;

const isAlreadyExists = (error: unknown) => (error as { code?: number }).code === grpcStatus.ALREADY_EXISTS;

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
