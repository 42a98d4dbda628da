import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { stackProbeWorkflow } from '../workflows/index.js';

export interface Wait {
  timeoutMs: number;
  /** Names a reason to stop waiting (a process died), or undefined to go on. */
  giveUp: () => string | undefined;
}

/** Tries until `attempt` names no problem (undefined); throws with the last problem otherwise. */
export async function waitUntil(
  what: string,
  wait: Wait,
  attempt: () => Promise<string | undefined>,
): Promise<void> {
  const deadline = Date.now() + wait.timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const reason = wait.giveUp();
    if (reason) throw new Error(reason);
    const problem = await attempt().catch((error: unknown) =>
      error instanceof Error ? error.message : String(error),
    );
    if (problem === undefined) return;
    last = problem;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} within ${wait.timeoutMs / 1000} s (last: ${last})`);
}

// The wire value of grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING.
const HEALTH_SERVING = 1;

/** Waits until the frontend reports its workflow service as serving. */
export function waitForFrontend(address: string, wait: Wait): Promise<void> {
  return waitUntil(`the Temporal frontend did not serve on ${address}`, wait, async () => {
    const connection = await Connection.connect({ address, connectTimeout: 1_000 });
    try {
      const health = await connection.healthService.check({
        service: 'temporal.api.workflowservice.v1.WorkflowService',
      });
      return health.status === HEALTH_SERVING ? undefined : `health status ${health.status}`;
    } finally {
      await connection.close();
    }
  });
}

/**
 * Runs the stack probe workflow (one activity writing to the app's database) until it completes:
 * the namespace has reached every history process, matching hands out tasks, a permit worker
 * polls them and reaches PostgreSQL. A namespace registered a moment ago is unknown to the
 * other services until their caches refresh, so the first attempts may fail.
 */
export async function waitForWorkflowChain(
  target: { address: string; namespace: string; taskQueue: string },
  wait: Wait,
): Promise<void> {
  const connection = await Connection.connect({ address: target.address });
  try {
    const client = new Client({ connection, namespace: target.namespace });
    await waitUntil('no probe workflow completed through the cluster', wait, async () => {
      const probeId = `cluster-probe-${randomUUID()}`;
      const handle = await client.workflow.start(stackProbeWorkflow, {
        taskQueue: target.taskQueue,
        workflowId: probeId,
        args: [probeId],
        workflowExecutionTimeout: '30 seconds',
      });
      await handle.result();
      return undefined;
    });
  } finally {
    await connection.close();
  }
}

/** Waits until an API process answers /readyz with 200 (dependencies up, schema migrated). */
export function waitForApi(baseUrl: string, wait: Wait): Promise<void> {
  return waitUntil(`the API at ${baseUrl} was not ready`, wait, async () => {
    const res = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(5_000) });
    return res.ok ? undefined : `HTTP ${res.status} ${await res.text()}`;
  });
}
