import { inTransaction, type Pool } from '../db/pool.js';
import type { WorkingCalendar } from '../domain/calendar/workingCalendar.js';
import {
  addDecisionDays,
  type DecisionDaysBucket,
  refreshPastDeadline,
  takeDecisionsToMeasure,
} from '../repositories/statsRepository.js';
import { type PeriodicJob, startPeriodicJob } from './periodicJob.js';

export interface StatsAggregatorDependencies {
  pool: Pool;
  calendar: WorkingCalendar;
}

/** Working days to each decision, counted into histogram buckets per permit type and month. */
function bucketsOf(
  calendar: WorkingCalendar,
  decisions: Awaited<ReturnType<typeof takeDecisionsToMeasure>>,
): DecisionDaysBucket[] {
  const buckets = new Map<string, DecisionDaysBucket>();
  for (const decision of decisions) {
    const workingDays = calendar.workingDaysBetween(decision.from, decision.decidedAt).days;
    const key = `${decision.permitTypeCode}|${decision.month}|${workingDays}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.files += 1;
    else
      buckets.set(key, {
        permitTypeCode: decision.permitTypeCode,
        month: decision.month,
        workingDays,
        files: 1,
      });
  }
  return [...buckets.values()];
}

/**
 * One pass of the public statistics' worker side: measures the working days of every decided
 * file the read model's trigger queued (each batch taken and counted in one transaction, so a
 * file is counted once even with several workers), then recounts the files past their deadline.
 * The trigger keeps everything else as the files move.
 */
export async function aggregatePublicStats(
  deps: StatsAggregatorDependencies,
  options: { batchSize?: number } = {},
): Promise<{ measured: number }> {
  const batchSize = options.batchSize ?? 500;
  let measured = 0;
  for (;;) {
    const taken = await inTransaction(deps.pool, async (client) => {
      const decisions = await takeDecisionsToMeasure(client, batchSize);
      await addDecisionDays(client, bucketsOf(deps.calendar, decisions));
      return decisions.length;
    });
    measured += taken;
    if (taken < batchSize) break;
  }
  await refreshPastDeadline(deps.pool);
  return { measured };
}

/** Runs `aggregatePublicStats` every `intervalMs` beside the worker. */
export function startStatsAggregator(
  deps: StatsAggregatorDependencies,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): PeriodicJob {
  return startPeriodicJob(() => aggregatePublicStats(deps), {
    intervalMs: options.intervalMs ?? 60_000,
    runAtStart: true,
    onError: options.onError,
  });
}
