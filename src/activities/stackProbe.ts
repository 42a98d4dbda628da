import type { Pool } from '../db/pool.js';
import { recordStackProbe } from '../repositories/stackProbeRepository.js';

export function createStackProbeActivities(pool: Pool) {
  return {
    /** Idempotent: a retry of the same probe writes nothing new. */
    async recordStackProbe(probeId: string): Promise<string> {
      return (await recordStackProbe(pool, probeId)).toISOString();
    },
  };
}

export type StackProbeActivities = ReturnType<typeof createStackProbeActivities>;
