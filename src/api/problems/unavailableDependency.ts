import {
  isGrpcDeadlineError,
  isGrpcServiceError,
  ServiceError as TemporalServiceError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';

export type Dependency = 'postgres' | 'temporal';

// gRPC status codes that mean "the server is not there (now)", not "your request is wrong".
const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_RESOURCE_EXHAUSTED = 8;

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
]);
// PostgreSQL: admin/crash shutdown, cannot connect now, too many connections, connection exceptions.
const PG_UNAVAILABLE = /^(57P0[1-3]|53300|08...)$/;
const PG_CLIENT_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error|connection is insufficiently secure/i;

function* causes(error: unknown): Generator<unknown> {
  let current = error;
  for (let depth = 0; depth < 6 && current; depth++) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}

/**
 * Which dependency an error says is unreachable, if any: such errors are answered 503 with
 * Retry-After (the request was fine; try again), never 500 and never a 4xx.
 */
export function unavailableDependency(error: unknown): Dependency | null {
  for (const e of causes(error)) {
    if (e instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return 'temporal';
    if (e instanceof TemporalServiceError || isGrpcServiceError(e) || isGrpcDeadlineError(e)) {
      const code = (e as { code?: number }).code;
      if (
        code === undefined ||
        code === GRPC_UNAVAILABLE ||
        code === GRPC_DEADLINE_EXCEEDED ||
        code === GRPC_RESOURCE_EXHAUSTED
      ) {
        if (e instanceof TemporalServiceError && code === undefined) continue; // look at its cause
        return 'temporal';
      }
    }
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (PG_UNAVAILABLE.test(code) || NETWORK_CODES.has(code))) return 'postgres';
    if (e instanceof Error && PG_CLIENT_MESSAGES.test(e.message)) return 'postgres';
  }
  return null;
}
