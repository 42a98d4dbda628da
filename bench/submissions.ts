// Benchmark (a script, not a test): `npm run bench:api`, or
//   BENCH_DURATION_S=5 BENCH_CONCURRENCY=10 node --import tsx bench/submissions.ts
// for a quick smoke run. Starts its own stack in a temp folder and prints:
//   1. POST /api/v1/applications at N concurrent clients for D seconds,
//   2. the same against an API that answers without waiting for the workflow's first step,
//   3. the same load of bare client.workflow.start of a trivial workflow on the same server,
//      and the ratio of the throughputs (target ≥ 0.8),
//   4. GET /api/v1/applications/{rn} with the access code (target ≥ 1,000/s, p99 < 20 ms).
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import pg from 'pg';
import { startBenchStack } from './lib/benchStack.js';
import { request } from './lib/http.js';
import { cpuMs, type LoadResult, runLoad } from './lib/load.js';

const seconds = (name: string, fallback: number) => Number(process.env[name] ?? fallback) * 1000;
const DURATION_MS = seconds('BENCH_DURATION_S', 30);
const LOOKUP_MS = seconds('BENCH_LOOKUP_DURATION_S', 15);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const NOOP_QUEUE = 'bench-noop';
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

function row(r: LoadResult, apiCpuMs: number | undefined): string {
  const f = (n: number, d = 1) => n.toFixed(d).padStart(9);
  const cpu = apiCpuMs === undefined ? '        -' : f(apiCpuMs, 2);
  return `${r.name.padEnd(34)} ${f(r.perSecond)} /s ${f(r.p50Ms)} ms ${f(r.p99Ms)} ms ${String(r.ok).padStart(8)} ${String(r.failed).padStart(7)} ${cpu} ms`;
}

async function main() {
  const loadBefore = os.loadavg()[0]!;
  const stack = await startBenchStack({ scratchRoot: SCRATCH_ROOT });
  const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const client = new Client({ connection });
  const nativeConnection = await NativeConnection.connect({ address: stack.temporalAddress });
  // The baseline's trivial workflow runs on a worker too, so both loads make the server work.
  const noopWorker = await Worker.create({
    connection: nativeConnection,
    taskQueue: NOOP_QUEUE,
    workflowsPath: path.resolve(import.meta.dirname, 'noopWorkflow.ts'),
  });
  const noopRunning = noopWorker.run();
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
    // Let the worker finish the submissions' first steps before the next phase.
    const drain = async () => {
      const until = Date.now() + 120_000;
      while (Date.now() < until) {
        const { rows } = await pool.query(
          'SELECT count(*)::int AS n FROM applications WHERE last_sequence = 0',
        );
        if (rows[0].n === 0) return;
        await new Promise((r) => setTimeout(r, 500));
      }
    };

    console.log(`[bench] 1/4 POST /api/v1/applications: ${CONCURRENCY} clients, ${DURATION_MS / 1000} s`);
    const measured = async (pid: number, run: () => Promise<LoadResult>) => {
      const before = cpuMs(pid);
      const result = await run();
      apiCpu.set(result.name, (cpuMs(pid) - before) / Math.max(1, result.ok));
      return result;
    };
    const apiCpu = new Map<string, number>();
    const submissions = await measured(stack.pids.api, () =>
      runLoad('POST /applications (API)', load, submit(stack.apiUrl)),
    );
    await drain();
    console.log('[bench] 2/4 the same, answered without waiting for the first workflow step');
    const immediate = await measured(stack.pids.immediateApi, () =>
      runLoad('  … without the receipt wait', load, submit(stack.immediateApiUrl)),
    );
    await drain();

    console.log(`[bench] 3/4 bare client.workflow.start: ${CONCURRENCY} clients, ${DURATION_MS / 1000} s`);
    const starts = await runLoad('workflow.start (bare SDK)', load, async () => {
      await client.workflow.start('benchNoopWorkflow', {
        taskQueue: NOOP_QUEUE,
        workflowId: `noop-${randomUUID()}`,
      });
    });

    console.log(`[bench] 4/4 GET /api/v1/applications/{rn} with X-Access-Code: ${CONCURRENCY} clients`);
    const lookup = (i: number) => {
      const file = files[i % files.length]!;
      return request(`${stack.apiUrl}/api/v1/applications/${file.rn}`, {
        method: 'GET',
        headers: { 'x-access-code': file.code },
      }).then((res) => {
        if (res.status !== 200) throw new Error(`${res.status} ${res.body.slice(0, 300)}`);
      });
    };
    // Warm-up: each code's first check pays scrypt (~30 ms); polling afterwards is what is measured.
    const warm = files.slice(0, 500);
    for (let i = 0; i < warm.length; i += CONCURRENCY) {
      await Promise.all(warm.slice(i, i + CONCURRENCY).map((_, j) => lookup(i + j)));
    }
    const lookups = await measured(stack.pids.api, () =>
      runLoad('GET /applications/{rn} (code)', { concurrency: CONCURRENCY, durationMs: LOOKUP_MS }, (i) =>
        lookup(i % warm.length),
      ),
    );

    const ratio = submissions.perSecond / starts.perSecond;
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    console.log('');
    console.log(
      `Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`,
    );
    console.log(
      `Load average (1 min) at start ${loadBefore.toFixed(2)}, at end ${os.loadavg()[0]!.toFixed(2)}: other work on the machine skews the figures`,
    );
    console.log(`Databases in: ${SCRATCH_ROOT}`);
    console.log(
      `Load: ${CONCURRENCY} concurrent clients; submissions and starts ${DURATION_MS / 1000} s each, lookups ${LOOKUP_MS / 1000} s`,
    );
    console.log('');
    console.log(
      `${'operation'.padEnd(34)} ${'throughput'.padStart(12)} ${'p50'.padStart(12)} ${'p99'.padStart(12)} ${'ok'.padStart(8)} ${'failed'.padStart(7)} ${'api cpu'.padStart(12)}`,
    );
    for (const r of [submissions, immediate, starts, lookups]) console.log(row(r, apiCpu.get(r.name)));
    console.log(
      '(api cpu: CPU time of the API process per successful request, all threads: a figure other load cannot inflate much)',
    );
    console.log('');
    console.log(
      `submission / bare start throughput: ${ratio.toFixed(2)} (target ≥ 0.80: ${ratio >= 0.8 ? 'met' : 'MISSED'})`,
    );
    console.log(`  without the receipt wait: ${(immediate.perSecond / starts.perSecond).toFixed(2)}`);
    console.log(
      `status lookups: ${lookups.perSecond.toFixed(0)}/s, p99 ${lookups.p99Ms.toFixed(1)} ms (target ≥ 1000/s and p99 < 20 ms: ${
        lookups.perSecond >= 1000 && lookups.p99Ms < 20 ? 'met' : 'MISSED'
      })`,
    );
    for (const r of [submissions, immediate, starts, lookups]) {
      if (r.firstError) console.log(`first error in "${r.name}": ${r.firstError}`);
    }
  } finally {
    noopWorker.shutdown();
    await noopRunning.catch(() => {});
    await nativeConnection.close();
    await connection.close();
    await pool.end();
    await stack.stop();
  }
}

await main();
