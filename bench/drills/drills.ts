import { auditFigures, noticeFigures, untilAllHave, untilAllIn } from './drillChecks.js';
import type { DrillStack } from './drillStack.js';
import { approveAll, newTally, submitFiles, type TrafficTally } from './drillTraffic.js';

export interface DrillResult {
  drill: string;
  pass: boolean;
  seconds: number;
  /** Every figure the verdict rests on, printed beside it. */
  counts: Record<string, unknown>;
  failures: string[];
}

export interface DrillOptions {
  files: number;
  log: (message: string) => void;
}

const FREE_ROUTE = ['verifikator', 'teknisDinkes', 'kepala'] as const;
const FAST_ROUTE = ['verifikator', 'kepala'] as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs each fault once `share` of the decisions are made, one after the other, while the rest arrive. */
function atShare(total: number, marks: [number, () => Promise<void>][]) {
  let done = 0;
  let chain = Promise.resolve();
  const queue = [...marks];
  return {
    onDecided() {
      done += 1;
      while (queue.length > 0 && done >= queue[0]![0] * total) {
        const fault = queue.shift()![1];
        chain = chain.then(fault);
      }
    },
    settled: () => chain,
  };
}

function verdict(
  name: string,
  startedAt: number,
  counts: Record<string, unknown>,
  checks: [boolean, string][],
) {
  const failures = checks.filter(([ok]) => !ok).map(([, what]) => what);
  return {
    drill: name,
    pass: failures.length === 0,
    seconds: Math.round((Date.now() - startedAt) / 1000),
    counts,
    failures,
  };
}

/** What every drill demands after its fault: all files where they belong, nothing doubled or lost. */
async function settledFiles(
  stack: DrillStack,
  numbers: string[],
  eventsPerFile: number,
  tally: TrafficTally,
) {
  const issued = await untilAllIn(stack.pool, numbers, 'ISSUED', 300_000);
  const audit = await auditFigures(stack.pool, numbers);
  const notices = await noticeFigures(stack.pool, stack.emulator, numbers, 180_000);
  const counts = { files: numbers.length, issued, audit, notices, http: tally };
  const checks: [boolean, string][] = [
    [issued === numbers.length, `${numbers.length - issued} files did not reach ISSUED`],
    [audit.doubled === 0, `${audit.doubled} audit events recorded twice`],
    [tally.byStatus['500'] === undefined, `the API answered 500 ${tally.byStatus['500']} times`],
    [notices.undelivered === 0, `${notices.undelivered} notices still undelivered`],
    [notices.duplicates === 0, `${notices.duplicates} notices arrived twice`],
    [
      notices.arrived === notices.recorded,
      `${notices.arrived} notices arrived, ${notices.recorded} recorded sent`,
    ],
  ];
  const decisions = audit.byAction as Record<string, number>;
  const expectedDecisions = numbers.length * eventsPerFile;
  const made = (decisions.submitted ?? 0) + (decisions.stage_approved ?? 0) + (decisions.issued ?? 0);
  checks.push([made === expectedDecisions, `${made} decision events, expected ${expectedDecisions}`]);
  return { counts, checks };
}

/** R1: a permit worker is killed -9 twice while decisions arrive, and restarted each time. */
export async function drillWorkerCrash(stack: DrillStack, options: DrillOptions): Promise<DrillResult> {
  const startedAt = Date.now();
  const tally = newTally();
  const numbers = await submitFiles(stack.apiUrls, 'TEST-FREE', options.files, tally);
  options.log(`R1: ${numbers.length} files submitted; approving while permit-worker-1 is killed twice`);
  const worker = stack.cluster.process('permit-worker-1');
  const crashes: number[] = [];
  const crash = async () => {
    crashes.push(worker.pid ?? -1);
    await worker.kill9();
    await sleep(2_000);
    worker.start();
    options.log(`R1: permit-worker-1 killed -9 and started again (pid ${worker.pid})`);
    // Long enough for the new process to poll again before any second crash.
    await sleep(10_000);
  };
  const faults = atShare(numbers.length * FREE_ROUTE.length, [
    [0.25, crash],
    [0.6, crash],
  ]);
  await approveAll(stack.apiUrls, stack.keys, numbers, [...FREE_ROUTE], tally, faults.onDecided);
  await faults.settled();
  const { counts, checks } = await settledFiles(stack, numbers, 4, tally);
  checks.push([crashes.length === 2, `the worker was killed ${crashes.length} times, not 2`]);
  return verdict('R1 permit worker kill -9 ×2', startedAt, { ...counts, killedPids: crashes }, checks);
}

/** R2: the history service is killed -9 while SLA timers come due, and restarted 15 s later. */
export async function drillHistoryCrash(stack: DrillStack, options: DrillOptions): Promise<DrillResult> {
  const startedAt = Date.now();
  const tally = newTally();
  const history = stack.cluster.process('temporal-history');
  const numbers = await submitFiles(stack.apiUrls, 'TEST-FAST', options.files, tally);
  // TEST-FAST: reminder after 2 s, breach after 4 s, second level 2 s later: all fall in the outage.
  await history.kill9();
  const downAt = Date.now();
  options.log(`R2: ${numbers.length} files submitted; temporal-history killed -9, down for 15 s`);
  await sleep(15_000);
  history.start();
  options.log(`R2: temporal-history started again (pid ${history.pid})`);
  const secondLevel = await untilAllHave(stack.pool, numbers, 'sla_second_level', 300_000);
  const breachedLate = await stack.pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM audit_events WHERE workflow_id = ANY($1) AND action = 'sla_breached'
        AND recorded_at > $2`,
    [numbers, new Date(downAt)],
  );
  await approveAll(stack.apiUrls, stack.keys, numbers, [...FAST_ROUTE], tally);
  const { counts, checks } = await settledFiles(stack, numbers, 3, tally);
  const byAction = counts.audit.byAction as Record<string, number>;
  for (const action of ['sla_reminder', 'sla_breached', 'sla_second_level']) {
    // Once per file for the first stage; the decision stage (PT30S) may add its own reminder.
    const ok =
      action === 'sla_reminder' ? byAction[action]! >= numbers.length : byAction[action] === numbers.length;
    checks.push([ok, `${byAction[action] ?? 0} ${action} events for ${numbers.length} files`]);
  }
  checks.push([secondLevel === numbers.length, `${secondLevel} files reached their second-level alert`]);
  const extra = { checkpointsRecordedAfterTheKill: Number(breachedLate.rows[0]!.n) };
  return verdict('R2 history service kill -9', startedAt, { ...counts, ...extra }, checks);
}

/** R3: the app's PostgreSQL is stopped for 20 s while decisions arrive. */
export async function drillDatabaseOutage(stack: DrillStack, options: DrillOptions): Promise<DrillResult> {
  const startedAt = Date.now();
  const tally = newTally();
  const numbers = await submitFiles(stack.apiUrls, 'TEST-FREE', options.files, tally);
  options.log(`R3: ${numbers.length} files submitted; approving while the app's PostgreSQL stops for 20 s`);
  const bot: { reply?: string } = {};
  const readyz: Record<string, number> = {};
  const outage = async () => {
    await stack.stopAppDatabase();
    options.log("R3: the app's PostgreSQL is stopped");
    const officer = stack.emulator.user(1001);
    officer.send('/tugas');
    const until = Date.now() + 20_000;
    const reply = officer.expect(/coba lagi/i, 19_000).then(
      (m) => {
        bot.reply = m.text;
      },
      () => {},
    );
    while (Date.now() < until) {
      const res = await fetch(`${stack.apiUrls[0]}/readyz`).catch(() => undefined);
      const key = `${res?.status ?? 'connection'}${res?.headers.get('retry-after') ? '+Retry-After' : ''}`;
      readyz[key] = (readyz[key] ?? 0) + 1;
      await sleep(1_000);
    }
    await reply;
    await stack.startAppDatabase();
    options.log("R3: the app's PostgreSQL is back");
  };
  const faults = atShare(numbers.length * FREE_ROUTE.length, [[0.3, outage]]);
  await approveAll(stack.apiUrls, stack.keys, numbers, [...FREE_ROUTE], tally, faults.onDecided);
  await faults.settled();
  const { counts, checks } = await settledFiles(stack, numbers, 4, tally);
  checks.push(
    [(tally.byStatus['503'] ?? 0) > 0, 'no request met the outage (no 503 answer)'],
    [
      tally.unavailableWithoutRetryAfter === 0,
      `${tally.unavailableWithoutRetryAfter} 503 answers without Retry-After`,
    ],
    [bot.reply !== undefined, 'the bot did not tell the officer to try again'],
    [
      (readyz['503+Retry-After'] ?? 0) > 0 && !readyz['500'],
      `/readyz during the outage: ${JSON.stringify(readyz)}`,
    ],
  );
  return verdict(
    'R3 app PostgreSQL down 20 s',
    startedAt,
    { ...counts, readyz, botReply: bot.reply },
    checks,
  );
}

/** R4: the Bot API answers 429 with retry_after, then 5xx for 30 s, while notices are due. */
export async function drillTelegramOutage(stack: DrillStack, options: DrillOptions): Promise<DrillResult> {
  const startedAt = Date.now();
  const tally = newTally();
  const before = { ...stack.emulator.injected };
  stack.emulator.failWith429('sendMessage', { times: 20, retryAfter: 2 });
  stack.emulator.failFor('sendMessage', { forMs: 30_000, status: 502 });
  options.log('R4: the Bot API answers 429 (retry_after 2) 20 times, then 502 for 30 s');
  const numbers = await submitFiles(stack.apiUrls, 'TEST-FREE', options.files, tally);
  await approveAll(stack.apiUrls, stack.keys, numbers, [...FREE_ROUTE], tally);
  const { counts, checks } = await settledFiles(stack, numbers, 4, tally);
  const injected = Object.fromEntries(
    Object.entries(stack.emulator.injected).map(([status, n]) => [status, n - (before[Number(status)] ?? 0)]),
  );
  checks.push(
    [(injected['429'] ?? 0) > 0, 'no call met a 429'],
    [(injected['502'] ?? 0) > 0, 'no call met a 502'],
  );
  return verdict('R4 Bot API 429 then 5xx for 30 s', startedAt, { ...counts, injected }, checks);
}

export const DRILLS = {
  r1: drillWorkerCrash,
  r2: drillHistoryCrash,
  r3: drillDatabaseOutage,
  r4: drillTelegramOutage,
} as const;
