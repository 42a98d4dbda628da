// Benchmark (a script, not a test): `npm run bench:stats`. Starts its own stack in a temp folder
// (embedded PostgreSQL, the Temporal dev server, the API as production starts it; no worker),
// seeds BENCH_FILES files (default 100,000) by SQL through the same trigger path real files
// take, lets the worker's stats job measure them, then sends BENCH_REQUESTS requests (default
// 2,000, within BENCH_MAX_SECONDS) to GET /statistik and to GET /api/v1/stats over loopback,
// one at a time, and prints p50/p99 against the target (p99 ≤ 50 ms): once to the API as
// configured by default (the report reused for STATS_CACHE_SECONDS, 15 s), once to a second API
// process with STATS_CACHE_SECONDS=0, which builds the report on every request, so the
// aggregate query's own cost stays visible.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createPool, type Pool } from '../src/db/pool.js';
import { loadWorkingCalendar } from '../src/domain/calendar/loadWorkingCalendar.js';
import { loadCatalog } from '../src/domain/catalog/loadCatalog.js';
import { aggregatePublicStats } from '../src/worker/statsAggregator.js';
import { startBenchStack } from './lib/benchStack.js';
import { request } from './lib/http.js';
import { percentile } from './lib/load.js';

const FILES = Number(process.env.BENCH_FILES ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2_000);
const MAX_MS = Number(process.env.BENCH_MAX_SECONDS ?? 60) * 1000;
const WARMUP = 50;
const TARGET_P99_MS = 50;
const SCRATCH_ROOT = process.env.BENCH_SCRATCH ?? os.tmpdir();

const log = (message: string) => console.log(`[bench] ${message}`);

async function timed<T>(what: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  log(`${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/**
 * Files over the last two years, inserted as submitted-but-unrecorded and then moved to their
 * status in one UPDATE, so the read model's trigger folds every one into the aggregates as a
 * real transition would: most issued, some rejected, deemed approved, withdrawn, waiting on a
 * revision or still in review (a share of those past their deadline), a fifth sent back once.
 */
async function seedFiles(pool: Pool, permitTypes: readonly string[]): Promise<void> {
  await pool.query(
    `INSERT INTO applications (registration_number, permit_type, status, channel, access_code_hash, submitted_at)
     SELECT format('%s-%s-%s', ($2::text[])[1 + i % cardinality($2::text[])], 2000 + i / 999999,
                   lpad((1 + i % 999999)::text, 6, '0')),
            ($2::text[])[1 + i % cardinality($2::text[])], 'SUBMITTED', 'api', 'bench',
            now() - random() * interval '730 days'
     FROM generate_series(0, $1::int - 1) AS i`,
    [FILES, permitTypes],
  );
  await pool.query(
    `UPDATE applications a SET
       last_sequence = 2,
       status = x.status,
       stage_key = CASE WHEN x.status IN ('IN_REVIEW', 'AWAITING_REVISION') THEN 'review' END,
       clock_started_at = a.submitted_at,
       deadline = CASE WHEN x.status = 'IN_REVIEW' THEN now() + (x.r - 0.9) * interval '30 days' END,
       pause_count = CASE WHEN x.s < 0.2 THEN 1 ELSE 0 END,
       decided_at = CASE WHEN x.status IN ('ISSUED', 'REJECTED', 'DEEMED_APPROVED')
         THEN least(now(), a.submitted_at + (1 + x.s * 20) * interval '1 day') END,
       decided_within_sla = CASE WHEN x.status IN ('ISSUED', 'REJECTED', 'DEEMED_APPROVED') THEN x.s < 0.85 END
     FROM (SELECT registration_number, r, s,
             CASE WHEN r < 0.70 THEN 'ISSUED' WHEN r < 0.80 THEN 'REJECTED'
                  WHEN r < 0.83 THEN 'DEEMED_APPROVED' WHEN r < 0.85 THEN 'WITHDRAWN'
                  WHEN r < 0.88 THEN 'AWAITING_REVISION' ELSE 'IN_REVIEW' END AS status
           FROM (SELECT registration_number, random() AS r, random() AS s FROM applications) AS drawn) AS x
     WHERE a.registration_number = x.registration_number`,
  );
}

/**
 * The audit trail such files leave (their submission, and the decision of decided ones), in
 * time order through the chain trigger, so the daily audit heads GET /api/v1/stats publishes
 * are read from a trail of realistic size.
 */
async function seedAuditTrail(pool: Pool): Promise<void> {
  await pool.query(
    `INSERT INTO audit_events (workflow_id, sequence, occurred_at, recorded_at, actor_kind, action, to_status)
     SELECT workflow_id, sequence, at, at, actor_kind, action, to_status FROM (
       SELECT registration_number AS workflow_id, 1 AS sequence, submitted_at AS at, 'applicant' AS actor_kind,
              'submitted' AS action, 'IN_REVIEW' AS to_status FROM applications
       UNION ALL
       SELECT registration_number, 2, decided_at, 'officer', lower(status), status FROM applications
       WHERE decided_at IS NOT NULL) AS events
     ORDER BY at`,
  );
}

interface Figures {
  path: string;
  cache: string;
  requests: number;
  bytes: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  seconds: number;
}

/** `REQUESTS` sequential GETs (after a warm-up), stopping early at MAX_MS. */
async function measure(apiUrl: string, path: string, cache: string): Promise<Figures> {
  let bytes = 0;
  const once = async () => {
    const answer = await request(`${apiUrl}${path}`, { method: 'GET' });
    if (answer.status !== 200)
      throw new Error(`${path} answered ${answer.status}: ${answer.body.slice(0, 200)}`);
    bytes = Buffer.byteLength(answer.body);
  };
  for (let i = 0; i < WARMUP; i++) await once();
  const latencies: number[] = [];
  const started = performance.now();
  while (latencies.length < REQUESTS && performance.now() - started < MAX_MS) {
    const t0 = performance.now();
    await once();
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  return {
    path,
    cache,
    requests: latencies.length,
    bytes,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    maxMs: latencies.at(-1) ?? Number.NaN,
    seconds: (performance.now() - started) / 1000,
  };
}

async function main(): Promise<void> {
  const catalog = loadCatalog('data/catalog/permit-types.yaml');
  const stack = await startBenchStack({ scratchRoot: SCRATCH_ROOT, workers: false });
  const pool = createPool(stack.databaseUrl, { max: 2 });
  try {
    const codes = catalog.permitTypes.map((type) => type.code);
    await timed(`seeded ${FILES.toLocaleString('en')} files (${codes.join(', ')})`, () =>
      seedFiles(pool, codes),
    );
    await timed('seeded their audit trail', () => seedAuditTrail(pool));
    const calendar = await loadWorkingCalendar('data/holidays-id.yaml');
    const { measured } = await timed('the stats job measured the decisions', () =>
      aggregatePublicStats({ pool, calendar }),
    );
    const { rows } = await pool.query<{ files: string; events: string; months: string }>(
      `SELECT (SELECT count(*) FROM applications) AS files, (SELECT count(*) FROM audit_events) AS events,
              (SELECT count(*) FROM stats_monthly) AS months`,
    );
    log(
      `database: ${rows[0]?.files} files, ${rows[0]?.events} audit events, ${measured} decisions measured, ` +
        `${rows[0]?.months} permit-type months`,
    );
    await pool.query('VACUUM ANALYZE');

    const uncachedApiUrl = await timed('started a second API with STATS_CACHE_SECONDS=0', () =>
      stack.startAnotherApi({ STATS_CACHE_SECONDS: '0' }),
    );
    const results: Figures[] = [];
    for (const [apiUrl, cache] of [
      [stack.apiUrls[0] as string, '15 s (default)'],
      [uncachedApiUrl, 'off'],
    ] as const) {
      for (const path of ['/statistik', '/api/v1/stats']) results.push(await measure(apiUrl, path, cache));
    }
    const load = os.loadavg().map((l) => l.toFixed(2));
    console.log(`\nGET at ${FILES.toLocaleString('en')} files, one request at a time over loopback`);
    console.log(`(${os.cpus().length} cores, load average ${load.join(' / ')} after the run)\n`);
    console.log('| path | report cache | requests | answer | p50 | p99 | max | p99 target |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of results) {
      const verdict = r.p99Ms <= TARGET_P99_MS ? 'met' : 'MISSED';
      console.log(
        `| \`${r.path}\` | ${r.cache} | ${r.requests} in ${r.seconds.toFixed(1)} s | ${(r.bytes / 1024).toFixed(1)} KiB | ` +
          `${r.p50Ms.toFixed(1)} ms | ${r.p99Ms.toFixed(1)} ms | ${r.maxMs.toFixed(1)} ms | ≤ ${TARGET_P99_MS} ms: ${verdict} |`,
      );
    }
  } finally {
    await pool.end();
    await stack.stop();
  }
}

await main();
