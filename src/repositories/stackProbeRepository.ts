import type { Queryable } from '../db/pool.js';

/** Records a stack probe (a worker's end-to-end check); a retry of the same probe writes nothing new. */
export async function recordStackProbe(db: Queryable, probeId: string): Promise<Date> {
  const { rows } = await db.query<{ written_at: Date }>(
    `INSERT INTO stack_probes (probe_id) VALUES ($1)
         ON CONFLICT (probe_id) DO UPDATE SET probe_id = EXCLUDED.probe_id
         RETURNING written_at`,
    [probeId],
  );
  return rows[0]!.written_at;
}
