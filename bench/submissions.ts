// Benchmark (a script, not a test): `npm run bench:api`, or
//   BENCH_DURATION_S=5 BENCH_CONCURRENCY=10 node --import tsx bench/submissions.ts
// for a quick smoke run. Starts its own stack in a temp folder and prints:
//   1. POST /api/v1/applications at N concurrent clients for D seconds,
//   2. the same load of bare client.workflow.start of a trivial workflow on the same server,
//      and the ratio of the throughputs (target ≥ 0.8),
//   3. GET /api/v1/applications/{rn} with the access code at N concurrent clients: the most
//      lookups per second the stack serves (target ≥ 1,000/s),
//   4. the same lookups sent at a fixed 1,000/s, as independent applicants would poll:
//      the latency at the target rate (target p99 < 20 ms).
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Client, Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { CallsInFlight } from '../src/temporal/callsInFlight.js';
import { NOOP_TASK_QUEUE, PERMIT_TASK_QUEUE, startBenchStack } from './lib/benchStack.js';
import {
  type CpuByRole,
  coresUsed,
  cpuByRole,
  cpuPerOperation,
  untilStackQuiet,
} from './lib/cpuAccounting.js';
import { request } from './lib/http.js';
import { type LoadResult, runAtRate, runLoad } from './lib/load.js';

const seconds = (name: string, fallback: number) => Number(process.env[name] ?? fallback) * 1000;
const DURATION_MS = seconds('BENCH_DURATION_S', 30);
const LOOKUP_MS = seconds('BENCH_LOOKUP_DURATION_S', 15);
const LOOKUP_RATE = Number(process.env.BENCH_LOOKUP_RATE ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const { temporal } = proto;
// BENCH_SCRATCH=/dev/shm puts both databases (Temporal's SQLite file, PostgreSQL) on tmpfs, to
// see the figures without this machine's disk syncs; the default is the ordinary temp folder.
const SCRATCH_ROOT = process.env.BENCH_SCRATCH ?? os.tmpdir();

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

async function upload(apiUrl: string, kind: string, bytes: Buffer, type: string): Promise<string> {
  const form = new FormData();
  form.append('permitTypeCode', 'SIP-DOKTER');
  form.append('kind', kind);
  form.append('file', new Blob([bytes], { type }), 'document');
  const res = await fetch(`${apiUrl}/api/v1/documents`, { method: 'POST', body: form });
  if (res.status !== 201) throw new Error(`upload of ${kind} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { sha256: string }).sha256;
}

/** A complete SIP-DOKTER application (the real catalog), documents uploaded once and shared. */
async function submissionBody(apiUrl: string): Promise<string> {
  const pdf = await upload(apiUrl, 'ktp', PDF, 'application/pdf');
  const photo = await upload(apiUrl, 'pas_foto', PNG, 'image/png');
  const kinds = ['ktp', 'ijazah', 'str', 'rekomendasi_organisasi_profesi', 'surat_keterangan_fasyankes'];
  return JSON.stringify({
    permitTypeCode: 'SIP-DOKTER',
    formData: {
      applicantNik: '3604015708900001',
      fullName: 'dr. Siti Rahmawati',
      phone: '081234567890',
      doctorCategory: 'dokter-umum',
      strNumber: 'STR-1234567890',
      practicePermitOrdinal: '1',
      facilityName: 'Klinik Pratama Sehat',
      practiceAddress: 'Jl. Raya Serang No. 1, Ciruas',
    },
    documents: [...kinds.map((kind) => ({ kind, sha256: pdf })), { kind: 'pas_foto', sha256: photo }],
  });
}

const fixed = (n: number, d = 1) => n.toFixed(d).padStart(9);

function row(r: LoadResult): string {
  return `${r.name.padEnd(34)} ${fixed(r.perSecond)} /s ${fixed(r.p50Ms)} ms ${fixed(r.p99Ms)} ms ${String(r.ok).padStart(8)} ${String(r.failed).padStart(7)}`;
}

const ROLES: (keyof CpuByRole)[] = ['api', 'worker', 'temporal', 'postgres', 'bench', 'other'];

function cpuRow(name: string, per: CpuByRole): string {
  const total = ROLES.reduce((sum, role) => sum + per[role], 0);
  return `${name.padEnd(34)} ${ROLES.map((role) => fixed(per[role], 2)).join(' ')} ${fixed(total, 2)}`;
}

async function main() {
  const loadBefore = os.loadavg()[0]!;
  const stack = await startBenchStack({ scratchRoot: SCRATCH_ROOT });
  // The baseline's client is built as the API's is (src/temporal/connections.ts: the same
  // connection and interceptors), so the ratio compares the work, not two gRPC stacks.
  const connection = await Connection.connect({
    address: stack.temporalAddress,
    interceptors: new CallsInFlight().interceptors,
  });
  const client = new Client({ connection });
  try {
    const body = await submissionBody(stack.apiUrl);
    const files: { rn: string; code: string }[] = [];
    const load = { concurrency: CONCURRENCY, durationMs: DURATION_MS };

    const submit = (apiUrl: string) => async () => {
      const res = await request(`${apiUrl}/api/v1/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body,
      });
      if (res.status !== 201) throw new Error(`${res.status} ${res.body.slice(0, 300)}`);
      if (files.length < 2_000) {
        const answer = JSON.parse(res.body) as { registrationNumber: string; accessCode: string };
        files.push({ rn: answer.registrationNumber, code: answer.accessCode });
      }
    };
    const settle = async (what: string, pending: () => Promise<number>) => {
      const until = Date.now() + 120_000;
      while (Date.now() < until) {
        if ((await pending()) === 0) return;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`${what} still pending after 120 s`);
    };
    // New files' first workflow tasks wait in the permit queue's backlog until the worker takes
    // them; the server reports the backlog.
    const backlogOf = async (queue: string) => {
      const { stats } = await client.workflowService.describeTaskQueue({
        namespace: 'default',
        taskQueue: { name: queue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
        reportStats: true,
      });
      return Number(stats?.approximateBacklogCount ?? 0);
    };
    const firstTasksDone = () =>
      settle('first workflow tasks of the new files', () => backlogOf(PERMIT_TASK_QUEUE));
    const noopsDone = () =>
      settle('trivial workflows', async () => {
        const { count } = await client.workflow.count(
          `TaskQueue = '${NOOP_TASK_QUEUE}' AND ExecutionStatus = 'Running'`,
        );
        return count;
      });

    console.log(`[bench] 1/4 POST /api/v1/applications: ${CONCURRENCY} clients, ${DURATION_MS / 1000} s`);
    // CPU time of every process of the machine, by role, around each phase.
    const cpu = new Map<string, CpuByRole>();
    // Seconds after each phase until the work it queued was done (the quiet check's last second
    // included): a phase that queued more ran faster than it could go on.
    const settledAfter = new Map<string, number>();
    // Cores each role used while the load ran (queued work not counted): shows whether the
    // machine or something else (the server's persistence) was the limit.
    const coresDuringLoad = new Map<string, CpuByRole>();
    // The stack finishes what a phase started (the submissions' first workflow tasks, the
    // trivial workflows, outbox rounds) before the next phase, and that work is charged to the
    // phase's CPU figures.
    const measured = async <T extends LoadResult>(
      run: () => Promise<T>,
      settled: () => Promise<void> = async () => {},
    ): Promise<T> => {
      const before = cpuByRole(stack.pids);
      const result = await run();
      const ended = Date.now();
      coresDuringLoad.set(result.name, coresUsed(before, cpuByRole(stack.pids), result.seconds * 1000));
      await settled();
      await untilStackQuiet(stack.pids);
      cpu.set(result.name, cpuPerOperation(before, cpuByRole(stack.pids), result.ok));
      settledAfter.set(result.name, (Date.now() - ended) / 1000);
      return result;
    };
    const submissions = await measured(
      () => runLoad('POST /applications (API)', load, submit(stack.apiUrl)),
      firstTasksDone,
    );

    console.log(`[bench] 2/4 bare client.workflow.start: ${CONCURRENCY} clients, ${DURATION_MS / 1000} s`);
    const starts = await measured(
      () =>
        runLoad('workflow.start (bare SDK)', load, async () => {
          await client.workflow.start('benchNoopWorkflow', {
            taskQueue: NOOP_TASK_QUEUE,
            workflowId: `noop-${randomUUID()}`,
          });
        }),
      noopsDone,
    );

    console.log(`[bench] 3/4 GET /api/v1/applications/{rn} with X-Access-Code: ${CONCURRENCY} clients`);
    const lookup = (i: number) => {
      const file = files[i % files.length]!;
      return request(`${stack.apiUrl}/api/v1/applications/${file.rn}`, {
        method: 'GET',
        headers: { 'x-access-code': file.code },
      }).then((res) => {
        if (res.status !== 200) throw new Error(`${res.status} ${res.body.slice(0, 300)}`);
      });
    };
    // Warm-up: each code's first check pays scrypt (~2 ms); polling afterwards is what is measured.
    const warm = files.slice(0, 500);
    for (let i = 0; i < warm.length; i += CONCURRENCY) {
      await Promise.all(warm.slice(i, i + CONCURRENCY).map((_, j) => lookup(i + j)));
    }
    const lookups = await measured(() =>
      runLoad('GET /applications/{rn} (code)', { concurrency: CONCURRENCY, durationMs: LOOKUP_MS }, (i) =>
        lookup(i % warm.length),
      ),
    );
    console.log(`[bench] 4/4 the same lookups sent at a fixed ${LOOKUP_RATE}/s`);
    const paced = await measured(() =>
      runAtRate(`  … at a fixed ${LOOKUP_RATE}/s`, { perSecond: LOOKUP_RATE, durationMs: LOOKUP_MS }, (i) =>
        lookup(i % warm.length),
      ),
    );

    const ratio = submissions.perSecond / starts.perSecond;
    const cpuModel = os.cpus()[0]?.model ?? 'unknown CPU';
    console.log('');
    console.log(
      `Machine: ${os.cpus().length} × ${cpuModel}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`,
    );
    console.log(
      `Load average (1 min) at start ${loadBefore.toFixed(2)}, at end ${os.loadavg()[0]!.toFixed(2)}: other work on the machine skews the figures`,
    );
    console.log(`Databases in: ${SCRATCH_ROOT}`);
    console.log(
      `Load: ${CONCURRENCY} concurrent clients; submissions and starts ${DURATION_MS / 1000} s each; lookups ${LOOKUP_MS / 1000} s at ${CONCURRENCY} clients, then ${LOOKUP_MS / 1000} s at a fixed ${LOOKUP_RATE}/s (latency from when each request was due)`,
    );
    console.log('');
    console.log(
      `${'operation'.padEnd(34)} ${'throughput'.padStart(12)} ${'p50'.padStart(12)} ${'p99'.padStart(12)} ${'ok'.padStart(8)} ${'failed'.padStart(7)}`,
    );
    for (const r of [submissions, starts, lookups, paced]) console.log(row(r));
    console.log('');
    console.log(
      `${'CPU ms per operation, by process'.padEnd(34)} ${ROLES.map((role) => role.padStart(9)).join(' ')} ${'total'.padStart(9)}`,
    );
    for (const r of [submissions, starts, lookups, paced]) console.log(cpuRow(r.name, cpu.get(r.name)!));
    console.log(
      `(worker: in the bare-start phase, the trivial workflow's worker process; bench: the load generator; other: the rest of the machine. ${os.cpus().length} cores give ${os.cpus().length * 1000} CPU ms per second)`,
    );
    console.log('');
    console.log(
      `${'cores in use while the load ran'.padEnd(34)} ${ROLES.map((role) => role.padStart(9)).join(' ')} ${'total'.padStart(9)}`,
    );
    for (const r of [submissions, starts]) console.log(cpuRow(r.name, coresDuringLoad.get(r.name)!));
    console.log(`(of ${os.cpus().length} cores)`);
    for (const r of [submissions, starts]) {
      const after = settledAfter.get(r.name)!;
      console.log(
        `${r.name}: its queued work was done ${after.toFixed(1)} s after the phase (${(r.ok / (r.seconds + after)).toFixed(1)}/s counting that time)`,
      );
    }
    console.log('');
    console.log(
      `submission / bare start throughput: ${ratio.toFixed(2)} (target ≥ 0.80: ${ratio >= 0.8 ? 'met' : 'MISSED'})`,
    );
    console.log(
      `status lookups: at most ${lookups.perSecond.toFixed(0)}/s (target ≥ 1000/s: ${lookups.perSecond >= 1000 ? 'met' : 'MISSED'}); ` +
        `at ${LOOKUP_RATE}/s p99 ${paced.p99Ms.toFixed(1)} ms (target < 20 ms: ${
          paced.p99Ms < 20 && paced.failed === 0 && paced.dropped === 0 ? 'met' : 'MISSED'
        }${paced.dropped > 0 ? `, ${paced.dropped} not sent: too many in flight` : ''})`,
    );
    for (const r of [submissions, starts, lookups, paced]) {
      if (r.firstError) console.log(`first error in "${r.name}": ${r.firstError}`);
    }
  } finally {
    await connection.close();
    await stack.stop();
  }
}

await main();
