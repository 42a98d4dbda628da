import { proxyActivities } from '@temporalio/workflow';
import type { StackProbeActivities } from '../activities/stackProbe.js';

const { recordStackProbe } = proxyActivities<StackProbeActivities>({
  startToCloseTimeout: '10 seconds',
});

/** Diagnostics: proves client → server → worker → activity → Postgres in one run. */
export async function stackProbeWorkflow(probeId: string): Promise<string> {
  return await recordStackProbe(probeId);
}
