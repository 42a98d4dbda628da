// Benchmark (a script, not a test): `npm run bench:api` on the dev shape, `npm run bench:cluster`
// (BENCH_TARGET=cluster) on the cluster shape. BENCH_DURATION_S=5 BENCH_CONCURRENCY=10 makes a
// quick smoke run. Starts its own stack in a temp folder and prints:
//   1. POST /api/v1/applications at N concurrent clients for D seconds (spread over the APIs),
//   2. the same load of bare client.workflow.start of a trivial workflow on the same server,
//      the ratio of the throughputs, and CPU per operation of every process: the total per
//      submission against the total per bare start (target ≤ 1.25). Each operation first runs
//      BENCH_WARMUP_S seconds unmeasured (default 5). The two phases run in
//      BENCH_ROUNDS rounds of D / rounds seconds each, in the order 1 2, 2 1, 1 2 …, so that a
//      change in the machine's speed during the run (a shared VM's neighbours) weighs on both
//      alike; the ratio of each round is printed beside the whole run's;
//   on the dev shape also
//   3. GET /api/v1/applications/{rn} with the access code at N concurrent clients: the most
//      lookups per second the stack serves (target ≥ 1,000/s),
//   4. the same lookups sent at a fixed 1,000/s, as independent applicants would poll:
//      the latency at the target rate (target p99 < 20 ms).
import os from 'node:os';
import { Client, Connection } from '@temporalio/client';
import { CallsInFlight } from '../src/temporal/callsInFlight.js';
import { type BenchStack, PERMIT_TASK_QUEUE, startBenchStack } from './lib/benchStack.js';
import { startClusterBenchStack } from './lib/clusterBenchStack.js';
import { dominance, printCpuTable, printMachine, printVerdicts } from './lib/cpuReport.js';
import { request } from './lib/http.js';
import { type LoadResult, mergeBlocks, runAtRate, runLoad } from './lib/load.js';
import {
  type CpuReading,
  cpuDelta,
  idleCores,
  REST_OF_MACHINE,
  readCpu,
  stackTotal,
  untilStackQuiet,
} from './lib/processCpu.js';
import {
  bareStarter,
  type FiledApplication,
  firstTasksDone,
  noopsDone,
  preparedSubmissions,
  submitter,
} from './lib/submissionLoad.js';

const TARGET = process.env.BENCH_TARGET ?? 'dev';
if (TARGET !== 'dev' && TARGET !== 'cluster') throw new Error('BENCH_TARGET is dev or cluster');
const seconds = (name: string, fallback: number) => Number(process.env[name] ?? fallback) * 1000;
const DURATION_MS = seconds('BENCH_DURATION_S', 30);
const LOOKUP_MS = seconds('BENCH_LOOKUP_DURATION_S', 15);
const LOOKUP_RATE = Number(process.env.BENCH_LOOKUP_RATE ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
// Unmeasured warm-up of each operation before the rounds: the first files and starts pay for
// code compiled and protobuf codecs built on first use, in the workers and APIs alike.
const WARMUP_MS = seconds('BENCH_WARMUP_S', 5);
// Uploads made before the submissions phase, one pair per submission; the phase ends early
// (and says so) when they run out.
const PREPARED = Number(process.env.BENCH_PREPARED ?? Math.ceil(((DURATION_MS + WARMUP_MS) / 1000) * 100));
// BENCH_SCRATCH=/dev/shm puts the databases on tmpfs, to see the figures without this machine's
// disk syncs; the default is the ordinary temp folder.
const SCRATCH_ROOT = process.env.BENCH_SCRATCH ?? os.tmpdir();
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error('BENCH_ROUNDS is a whole number ≥ 1');
const CPU_RATIO_TARGET = 1.25;
// The two measured phases by name: each block's result is added up under it.
const SUBMISSIONS = 'POST /applications (API)';
const STARTS = 'workflow.start (bare SDK)';
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

const fixed = (n: number, d = 1) => n.toFixed(d).padStart(9);
function row(r: LoadResult): string {
  return `${r.name.padEnd(34)} ${fixed(r.perSecond)} /s ${fixed(r.p50Ms)} ms ${fixed(r.p99Ms)} ms ${String(r.ok).padStart(8)} ${String(r.failed).padStart(7)}`;
}

async function lookupPhases(stack: BenchStack, files: FiledApplication[], measured: Measure) {
  const lookup = (i: number) => {
    const file = files[i % files.length]!;
    return request(`${stack.apiUrls[i % stack.apiUrls.length]}/api/v1/applications/${file.rn}`, {
      method: 'GET',
      headers: { 'x-access-code': file.code },
    }).then((res) => {
      if (res.status !== 200) throw new Error(`${res.status} ${res.body.slice(0, 300)}`);
    });
  };
  log(`3/4 GET /api/v1/applications/{rn} with X-Access-Code: ${CONCURRENCY} clients`);
  // Warm-up: each code's first check pays scrypt (~2 ms); polling afterwards is what is measured.
  const warm = files.slice(0, 500);
  for (let i = 0; i < warm.length; i += CONCURRENCY) {
    await Promise.all(warm.slice(i, i + CONCURRENCY).map((_, j) => lookup(i + j)));
  }
  const most = await measured(() =>
    runLoad('GET /applications/{rn} (code)', { concurrency: CONCURRENCY, durationMs: LOOKUP_MS }, (i) =>
      lookup(i % warm.length),
    ),
  );
  log(`4/4 the same lookups sent at a fixed ${LOOKUP_RATE}/s`);
  const paced = await measured(() =>
    runAtRate(`  … at a fixed ${LOOKUP_RATE}/s`, { perSecond: LOOKUP_RATE, durationMs: LOOKUP_MS }, (i) =>
      lookup(i % warm.length),
    ),
  );
  return { most, paced };
}

type Measure = <T extends LoadResult>(run: () => Promise<T>, settled?: () => Promise<void>) => Promise<T>;

/** What the blocks of one phase added up to. */
interface PhaseAccount {
  /** Each block's result, in order (merged into the phase's). */
  blocks: LoadResult[];
  /** CPU ms of every process, the idle stack's subtracted, until the phase's queued work was done. */
  used: CpuReading;
  /** CPU ms while the load ran (queued work not counted), over `loadMs`. */
  duringLoad: CpuReading;
  loadMs: number;
  settledSeconds: number;
  /** The stack's CPU ms per operation in each block, in order. */
  perOpByBlock: number[];
}

function addInto(total: CpuReading, add: CpuReading): void {
  for (const [name, value] of add) total.set(name, (total.get(name) ?? 0) + value);
}

async function main() {
  const loadBefore = os.loadavg()[0]!;
  const stack =
    TARGET === 'cluster'
      ? await startClusterBenchStack({ scratchRoot: SCRATCH_ROOT, log })
      : await startBenchStack({ scratchRoot: SCRATCH_ROOT });
  // The baseline's client is built as the API's is (src/temporal/connections.ts: the same
  // connection and interceptors), so the ratio compares the work, not two gRPC stacks.
  const connection = await Connection.connect({
    address: stack.temporalAddress,
    interceptors: new CallsInFlight().interceptors,
  });
  const client = new Client({ connection });
  try {
    log(`preparing ${PREPARED} submissions (their uploads) over ${stack.apiUrls.length} API process(es)`);
    const bodies = await preparedSubmissions(stack.apiUrls, PREPARED);
    const files: FiledApplication[] = [];
    if (WARMUP_MS > 0) {
      log(`warm-up, not measured: submissions, then bare starts, ${WARMUP_MS / 1000} s each`);
      const warmUp = { concurrency: CONCURRENCY, durationMs: WARMUP_MS };
      await runLoad(SUBMISSIONS, warmUp, submitter(stack.apiUrls, bodies, files));
      await firstTasksDone(client, PERMIT_TASK_QUEUE);
      await runLoad(STARTS, warmUp, bareStarter(client));
      await noopsDone(client);
    }
    await untilStackQuiet(stack.processes, { marginCores: 0.5 });
    // Housekeeping of an idle stack (Temporal's timers, pollers, the outbox dispatcher), per
    // process: subtracted from each phase, so a phase is charged for its own work only.
    const idleRate = await idleCores(stack.processes, 10_000);
    const load = { concurrency: CONCURRENCY, durationMs: DURATION_MS };

    // CPU of every process around each block of a phase, added up per phase; the cores each
    // used while the load ran (queued work not counted); seconds until a block's queued work was done.
    const accounts = new Map<string, PhaseAccount>();
    const measured: Measure = async (run, settled = async () => {}) => {
      const before = readCpu(stack.processes);
      const started = Date.now();
      const result = await run();
      const ended = Date.now();
      const duringLoad = cpuDelta(before, readCpu(stack.processes), 1);
      await settled();
      await untilStackQuiet(stack.processes, { idle: idleRate });
      const used = cpuDelta(before, readCpu(stack.processes), 1);
      const elapsed = Date.now() - started;
      for (const [name, ms] of used) {
        // A process idle through the phase can come out a little below its idle reading.
        if (name !== REST_OF_MACHINE) used.set(name, Math.max(0, ms - (idleRate.get(name) ?? 0) * elapsed));
      }
      const account: PhaseAccount = accounts.get(result.name) ?? {
        blocks: [],
        used: new Map(),
        duringLoad: new Map(),
        loadMs: 0,
        settledSeconds: 0,
        perOpByBlock: [],
      };
      account.blocks.push(result);
      addInto(account.used, used);
      addInto(account.duringLoad, duringLoad);
      account.loadMs += result.seconds * 1000;
      account.settledSeconds += (Date.now() - ended) / 1000;
      account.perOpByBlock.push(stackTotal(used) / Math.max(1, result.ok));
      accounts.set(result.name, account);
      return result;
    };
    const accountOf = (r: LoadResult) => accounts.get(r.name)!;
    const cpuPerOperation = (r: LoadResult) => cpuDelta(new Map(), accountOf(r).used, r.ok);
    const coresUsed = (r: LoadResult) => cpuDelta(new Map(), accountOf(r).duringLoad, accountOf(r).loadMs);

    const phases = TARGET === 'dev' ? 4 : 2;
    const blockLoad = { ...load, durationMs: DURATION_MS / ROUNDS };
    const submissionBlock = (round: number) => {
      log(
        `1/${phases} POST /api/v1/applications: ${CONCURRENCY} clients, ${blockLoad.durationMs / 1000} s (round ${round + 1} of ${ROUNDS})`,
      );
      return measured(
        () =>
          runLoad(
            SUBMISSIONS,
            { ...blockLoad, exhausted: () => bodies.length === 0 },
            submitter(stack.apiUrls, bodies, files),
          ),
        () => firstTasksDone(client, PERMIT_TASK_QUEUE),
      );
    };
    const startBlock = (round: number) => {
      log(
        `2/${phases} bare client.workflow.start: ${CONCURRENCY} clients, ${blockLoad.durationMs / 1000} s (round ${round + 1} of ${ROUNDS})`,
      );
      return measured(
        () => runLoad(STARTS, blockLoad, bareStarter(client)),
        () => noopsDone(client),
      );
    };
    // Round 1: submissions, then starts; round 2 the other way round, and so on.
    for (let round = 0; round < ROUNDS; round++) {
      for (const block of round % 2 === 0 ? [submissionBlock, startBlock] : [startBlock, submissionBlock]) {
        await block(round);
      }
    }
    const submissions = mergeBlocks(accounts.get(SUBMISSIONS)!.blocks);
    const starts = mergeBlocks(accounts.get(STARTS)!.blocks);
    const ranOut = bodies.length === 0;
    const lookups = TARGET === 'dev' ? await lookupPhases(stack, files, measured) : undefined;
    const results = [submissions, starts, ...(lookups ? [lookups.most, lookups.paced] : [])];

    console.log('');
    printMachine(loadBefore, [
      `Stack: ${stack.shape}`,
      `Databases in: ${SCRATCH_ROOT}`,
      `Load: ${CONCURRENCY} concurrent clients; after ${WARMUP_MS / 1000} s of each unmeasured, submissions and starts ${DURATION_MS / 1000} s each, in ${ROUNDS} round(s) of ${DURATION_MS / ROUNDS / 1000} s${
        lookups
          ? `; lookups ${LOOKUP_MS / 1000} s at ${CONCURRENCY} clients, then ${LOOKUP_MS / 1000} s at a fixed ${LOOKUP_RATE}/s (latency from when each request was due)`
          : ''
      }`,
      ...(ranOut
        ? [`The ${PREPARED} prepared submissions ran out: the phase ended early (raise BENCH_PREPARED)`]
        : []),
    ]);
    console.log('');
    console.log(
      `${'operation'.padEnd(34)} ${'throughput'.padStart(12)} ${'p50'.padStart(12)} ${'p99'.padStart(12)} ${'ok'.padStart(8)} ${'failed'.padStart(7)}`,
    );
    for (const r of results) console.log(row(r));
    console.log('');
    const labels = ['submission', 'bare start', 'lookup', `lookup@${LOOKUP_RATE}/s`];
    printCpuTable(
      'CPU ms per operation',
      results.map((r, i) => ({ label: labels[i]!, reading: cpuPerOperation(r) })),
    );
    console.log(
      `(the idle stack's CPU subtracted, ${stackTotal(idleRate).toFixed(2)} cores in all; in the bare-start phase the no-op workers do the permit workers' part; ${os.cpus().length} cores give ${os.cpus().length * 1000} CPU ms per second)`,
    );
    console.log('');
    printCpuTable('cores in use while the load ran', [
      { label: 'submissions', reading: coresUsed(submissions) },
      { label: 'bare starts', reading: coresUsed(starts) },
      { label: 'idle', reading: idleRate },
    ]);
    for (const r of [submissions, starts]) {
      const after = accountOf(r).settledSeconds;
      console.log(
        `${r.name}: its queued work was done ${after.toFixed(1)} s after the phase (${(r.ok / (r.seconds + after)).toFixed(1)}/s counting that time)`,
      );
    }
    const perSubmission = stackTotal(cpuPerOperation(submissions));
    const perStart = stackTotal(cpuPerOperation(starts));
    const cpuRatio = perSubmission / perStart;
    const ratio = submissions.perSecond / starts.perSecond;
    console.log('');
    const byRound = accountOf(submissions).perOpByBlock.map(
      (perOp, i) =>
        `${(perOp / accountOf(starts).perOpByBlock[i]!).toFixed(2)} (${perOp.toFixed(1)} / ${accountOf(starts).perOpByBlock[i]!.toFixed(1)} ms)`,
    );
    console.log(`CPU per submission / per bare start, round by round: ${byRound.join('; ')}`);
    for (const line of dominance(cpuPerOperation(submissions), cpuPerOperation(starts))) console.log(line);
    console.log('');
    printVerdicts([
      {
        measure: 'total CPU per submission / per bare start',
        result: `${cpuRatio.toFixed(2)} (${perSubmission.toFixed(1)} / ${perStart.toFixed(1)} ms)`,
        target: `≤ ${CPU_RATIO_TARGET}`,
        met: cpuRatio <= CPU_RATIO_TARGET,
      },
      {
        measure: 'throughput submissions / bare starts',
        result: `${ratio.toFixed(2)} (${submissions.perSecond.toFixed(1)} / ${starts.perSecond.toFixed(1)}/s)`,
        target: TARGET === 'dev' ? '≥ 0.80' : '-',
        ...(TARGET === 'dev' ? { met: ratio >= 0.8 } : {}),
      },
      ...(lookups
        ? [
            {
              measure: 'most lookups',
              result: `${lookups.most.perSecond.toFixed(0)}/s`,
              target: '≥ 1000/s',
              met: lookups.most.perSecond >= 1000,
            },
            {
              measure: `lookups at ${LOOKUP_RATE}/s: p99`,
              result: `${lookups.paced.p99Ms.toFixed(1)} ms${lookups.paced.dropped > 0 ? `, ${lookups.paced.dropped} not sent` : ''}`,
              target: '< 20 ms',
              met: lookups.paced.p99Ms < 20 && lookups.paced.failed === 0 && lookups.paced.dropped === 0,
            },
          ]
        : []),
    ]);
    for (const r of results) if (r.firstError) console.log(`first error in "${r.name}": ${r.firstError}`);
  } finally {
    await connection.close();
    await stack.stop();
  }
}

await main();
