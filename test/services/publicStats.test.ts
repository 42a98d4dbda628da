import { expect, test } from 'vitest';
import type { Pool } from '../../src/db/pool.js';
import { jakartaDayNumber } from '../../src/domain/calendar/jakartaTime.js';
import { createServices, type PermitTypeStats } from '../../src/services/index.js';
import { aggregatePublicStats } from '../../src/worker/statsAggregator.js';
import { decide, submit, testCatalog, usePermitStack } from '../support/permitScenario.js';

const env = usePermitStack('public_stats');

/** The pool, with the text of every query it runs kept in `seen`. */
function recordingPool(pool: Pool, seen: string[]): Pool {
  return new Proxy(pool, {
    get(target, property) {
      if (property === 'query') {
        return (...args: unknown[]) => {
          const first = args[0] as string | { text: string };
          seen.push(typeof first === 'string' ? first : first.text);
          return (target.query as (...a: unknown[]) => unknown)(...args);
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function servicesOn(pool: Pool, statsCacheTtlMs?: number) {
  return createServices({
    pool,
    temporal: env.stack.client,
    catalog: testCatalog,
    calendar: env.stack.calendar,
    taskQueue: env.stack.taskQueue,
    dataDir: 'unused',
    ...(statsCacheTtlMs === undefined ? {} : { statsCacheTtlMs }),
  });
}

const statsService = (pool: Pool) => servicesOn(pool).fileQueries;

/** What a scan over every file says, the way the statistics used to be computed on each call. */
async function scannedTotals(permitTypeCode: string) {
  const { rows } = await env.stack.pool.query(
    `SELECT status, pause_count, decided_at, decided_within_sla,
            COALESCE(clock_started_at, submitted_at) AS from_at,
            status = 'IN_REVIEW' AND NOT paused AND deadline < now() AS past_deadline
     FROM applications WHERE permit_type = $1 AND last_sequence > 0`,
    [permitTypeCode],
  );
  const decided = rows.filter((r) => r.decided_at !== null);
  const days = decided
    .map((r) => env.stack.calendar.workingDaysBetween(r.from_at, r.decided_at).days)
    .sort((a, b) => a - b);
  const mid = Math.floor(days.length / 2);
  const countsByStatus: Record<string, number> = {};
  for (const r of rows) countsByStatus[r.status] = (countsByStatus[r.status] ?? 0) + 1;
  return {
    permitTypeCode,
    countsByStatus,
    decided: decided.length,
    decidedWithinSlaShare:
      decided.length === 0 ? null : decided.filter((r) => r.decided_within_sla).length / decided.length,
    medianWorkingDaysToDecision:
      days.length === 0 ? null : days.length % 2 ? days[mid] : ((days[mid - 1] ?? 0) + (days[mid] ?? 0)) / 2,
    pauses: rows.reduce((sum, r) => sum + r.pause_count, 0),
    pastDeadline: rows.filter((r) => r.past_deadline).length,
    deemedApproved: rows.filter((r) => r.status === 'DEEMED_APPROVED').length,
  };
}

test('statistics per permit type and month come from aggregates kept as files move, and match a full scan', async () => {
  const issued = await submit(env.stack, 'TEST-FREE');
  await decide(issued.handle, 'verifikator', { decision: 'approve' });
  await decide(issued.handle, 'teknisDinkes', { decision: 'approve' });
  await decide(issued.handle, 'kepala', { decision: 'approve' });
  const rejected = await submit(env.stack, 'TEST-FREE');
  await decide(rejected.handle, 'verifikator', { decision: 'reject', reason: 'bukan wewenang kami' });
  const paused = await submit(env.stack, 'TEST-FREE');
  await decide(paused.handle, 'verifikator', { decision: 'revise', note: 'foto KTP buram' });
  const late = await submit(env.stack, 'TEST-FREE');
  // Its deadline has passed (as it would after 30 s without a decision).
  await env.stack.pool.query(
    `UPDATE applications SET deadline = now() - interval '1 minute' WHERE registration_number = $1`,
    [late.registrationNumber],
  );
  const deemed = await submit(env.stack, 'TEST-FAST-DEEMED');
  await decide(deemed.handle, 'verifikator', { decision: 'approve' });
  expect((await deemed.handle.result()).status).toBe('DEEMED_APPROVED');

  await aggregatePublicStats({ pool: env.stack.pool, calendar: env.stack.calendar });
  const stats = (await statsService(env.stack.pool).statsReport()).permitTypes;
  const byType = (code: string) => stats.find((s) => s.permitTypeCode === code) as PermitTypeStats;

  for (const code of ['TEST-FREE', 'TEST-FAST-DEEMED']) {
    const { deemedApproved, ...scanned } = await scannedTotals(code);
    const { months, ...totals } = byType(code);
    expect(totals).toEqual(scanned);
    // One month here: every file of this test was received and decided in it.
    const month = new Date(jakartaDayNumber(Date.now()) * 86_400_000).toISOString().slice(0, 7);
    expect(months).toEqual([
      {
        month,
        received: Object.values(scanned.countsByStatus).reduce((a, b) => a + b, 0),
        decided: scanned.decided,
        decidedWithinSla: Math.round((scanned.decidedWithinSlaShare ?? 0) * scanned.decided),
        decidedWithinSlaShare: scanned.decidedWithinSlaShare,
        medianWorkingDaysToDecision: scanned.medianWorkingDaysToDecision,
        pauses: scanned.pauses,
        pausesPerDecision: scanned.decided > 0 ? scanned.pauses / scanned.decided : null,
        deemedApproved,
      },
    ]);
  }
  expect(byType('TEST-FREE')).toMatchObject({ decided: 2, pauses: 1, pastDeadline: 1 });
  expect(byType('TEST-FAST-DEEMED').months[0]?.deemedApproved).toBe(1);

  // The chart's series: every permit type together, twelve months up to this one.
  const report = await statsService(env.stack.pool).statsReport();
  expect(report.permitTypes).toEqual(stats);
  const series = report.onTimeLast12Months;
  expect(series).toHaveLength(12);
  const thisMonth = series.at(-1);
  const decided = stats.reduce((sum, type) => sum + type.decided, 0);
  const withinSla = stats.flatMap((type) => type.months).reduce((sum, m) => sum + m.decidedWithinSla, 0);
  expect(thisMonth).toEqual({
    month: new Date(jakartaDayNumber(Date.now()) * 86_400_000).toISOString().slice(0, 7),
    decided,
    decidedWithinSla: withinSla,
    share: withinSla / decided,
  });
  expect(series.slice(0, -1).every((m) => m.decided === 0 && m.share === null)).toBe(true);
});

test('serving the statistics reads the aggregates only: the same cost at 100,000 files as at 100', async () => {
  const seen: string[] = [];
  await statsService(recordingPool(env.stack.pool, seen)).statsReport();
  expect(seen.length).toBeGreaterThan(0);
  for (const text of seen) expect(text).not.toMatch(/\b(applications|audit_events)\b/);
});

test('with a statistics cache, the published report built once is served again without a query', async () => {
  const seen: string[] = [];
  // A minute: far longer than the two calls below take, however loaded the machine.
  const { statistics } = servicesOn(recordingPool(env.stack.pool, seen), 60_000);
  const [first, concurrent] = await Promise.all([statistics.report(), statistics.report()]);
  const queriesOfOneReport = seen.length;
  expect(queriesOfOneReport).toBeGreaterThan(0);
  expect(concurrent).toBe(first);
  expect(await statistics.report()).toBe(first);
  expect(seen).toHaveLength(queriesOfOneReport);
  // Without the setting (as the test stacks build their services) every call reads afresh.
  const uncached = servicesOn(recordingPool(env.stack.pool, seen)).statistics;
  await uncached.report();
  await uncached.report();
  expect(seen).toHaveLength(3 * queriesOfOneReport);
});
