import { performance } from 'node:perf_hooks';

export interface LoadResult {
  name: string;
  ok: number;
  failed: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  firstError: string | undefined;
  /** Every successful operation's latency, ascending (merges blocks of one phase). */
  latencies: number[];
}

export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function summary(
  name: string,
  started: number,
  latencies: number[],
  failures: { failed: number; firstError: string | undefined },
): LoadResult {
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    ok: latencies.length,
    ...failures,
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    latencies,
  };
}

/** One phase run as several blocks: counts and seconds added, percentiles over all latencies. */
export function mergeBlocks(blocks: readonly LoadResult[]): LoadResult {
  const [first] = blocks;
  if (!first) throw new Error('no block to merge');
  const latencies = blocks.flatMap((b) => b.latencies).sort((a, b) => a - b);
  const seconds = blocks.reduce((sum, b) => sum + b.seconds, 0);
  return {
    name: first.name,
    ok: latencies.length,
    failed: blocks.reduce((sum, b) => sum + b.failed, 0),
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    firstError: blocks.find((b) => b.firstError !== undefined)?.firstError,
    latencies,
  };
}

/**
 * Closed-loop load: `concurrency` clients, each sending its next request when the previous one
 * answered, until `durationMs` is over (or `exhausted` says there is nothing left to send).
 * Only successful operations count toward throughput and latency; failures are counted and the
 * first one is kept for the report.
 */
export async function runLoad(
  name: string,
  options: { concurrency: number; durationMs: number; exhausted?: () => boolean },
  operation: (sequence: number) => Promise<void>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  let firstError: string | undefined;
  let sequence = 0;
  const end = Date.now() + options.durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (Date.now() < end && !options.exhausted?.()) {
        const t0 = performance.now();
        try {
          await operation(sequence++);
          latencies.push(performance.now() - t0);
        } catch (error) {
          failed += 1;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  return summary(name, started, latencies, { failed, firstError });
}

/**
 * Open-loop load: requests are sent at a fixed rate whatever the answers do, as independent
 * users would send them. Latency counts from when a request was due, not when it left, so a
 * stalled server is charged for the requests it delayed (no coordinated omission).
 */
export async function runAtRate(
  name: string,
  options: { perSecond: number; durationMs: number; maxInFlight?: number },
  operation: (sequence: number) => Promise<void>,
): Promise<LoadResult & { offeredPerSecond: number; dropped: number }> {
  const latencies: number[] = [];
  const maxInFlight = options.maxInFlight ?? 1_000;
  let failed = 0;
  let dropped = 0;
  let firstError: string | undefined;
  let sent = 0;
  let inFlight = 0;
  const pending = new Set<Promise<void>>();
  const started = performance.now();
  const intervalMs = 1000 / options.perSecond;
  const total = Math.floor((options.perSecond * options.durationMs) / 1000);
  while (sent < total) {
    const now = performance.now();
    // Every request due by now goes out; the timer below only paces the loop.
    while (sent < total && started + sent * intervalMs <= now) {
      const dueAt = started + sent * intervalMs;
      const sequence = sent++;
      if (inFlight >= maxInFlight) {
        dropped += 1;
        continue;
      }
      inFlight += 1;
      const p = operation(sequence)
        .then(
          () => {
            latencies.push(performance.now() - dueAt);
          },
          (error: unknown) => {
            failed += 1;
            firstError ??= error instanceof Error ? error.message : String(error);
          },
        )
        .finally(() => {
          inFlight -= 1;
          pending.delete(p);
        });
      pending.add(p);
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(pending);
  return {
    ...summary(name, started, latencies, { failed, firstError }),
    dropped,
    offeredPerSecond: options.perSecond,
  };
}
