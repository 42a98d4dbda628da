import type { Pool } from '../db/pool.js';

export function createStackProbeActivities(pool: Pool) {
  return {
    /** Idempotent: a retry of the same probe writes nothing new. */
    async recordStackProbe(probeId: string): Promise<string> {
      const { rows } = await pool.query<{ written_at: Date }>(
        `INSERT INTO stack_probes (probe_id) VALUES ($1)
         ON CONFLICT (probe_id) DO UPDATE SET probe_id = EXCLUDED.probe_id
         RETURNING written_at`,
        [probeId],
      );
      return rows[0]!.written_at.toISOString();
    },
  };
}

export type StackProbeActivities = ReturnType<typeof createStackProbeActivities>;
