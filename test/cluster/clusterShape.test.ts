import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { type RunningCluster, startCluster } from '../../src/cluster/clusterLauncher.js';
import { createPool, type Pool } from '../../src/db/pool.js';
import { consecutiveFreePorts } from '../../src/devstack/freePort.js';
import { ADMIN_TOKEN, issueOfficerKeys, PAYMENT_SECRET } from '../api/support/apiStack.js';
import { call, submitViaApi, uploadKtp } from '../api/support/httpClient.js';
import { testCatalogData } from '../domain/catalog/catalogTestSupport.js';
import { BotApiEmulator } from '../support/botApiEmulator.js';
import { type OfficerKey, officers, seedOfficers } from '../support/permitScenario.js';
import { processesInheriting, processesMentioning } from '../support/processes.js';

/**
 * One file end to end on the production shape: Temporal's four services as separate processes
 * on their own embedded PostgreSQL, two permit workers, two API processes and the bot, all
 * started by the same launcher as `npm run start:cluster`; then an ordered stop that leaves no
 * process behind. The first run on a machine builds the Temporal server (several minutes).
 */

/**
 * The test catalog with TEST-FREE's SLAs in working days. This test proves the processes work
 * together, not the clock: on a loaded two-core runner its steps may outlast a second-scale SLA,
 * and a reminder would join the file's history. Five working days put it days away.
 */
async function writeWorkingDayCatalog(dir: string): Promise<string> {
  const catalog = testCatalogData();
  const free = catalog.permitTypes.find((type: { code: string }) => type.code === 'TEST-FREE');
  for (const stage of free.stages) stage.sla = { workingDays: 5 };
  const file = path.join(dir, 'catalog-working-days.yaml');
  await writeFile(file, stringify(catalog));
  return file;
}

let dataDir: string;
let cluster: RunningCluster | undefined;
let emulator: BotApiEmulator;
let pool: Pool | undefined;
const launcherLog: string[] = [];
let keys: Record<OfficerKey, string>;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'perizinan-cluster-'));
  // The embedded server runs as the unprivileged postgres user, which must reach its folder.
  await chmod(dataDir, 0o755);
  emulator = await BotApiEmulator.start();
  cluster = await startCluster({
    dataDir,
    apiPorts: () => consecutiveFreePorts(),
    permitWorkers: 2,
    historyShards: 4,
    namespace: 'default',
    taskQueue: 'permits',
    bot: true,
    appEnv: {
      PERMIT_CATALOG: await writeWorkingDayCatalog(dataDir),
      ADMIN_TOKEN,
      PAYMENT_WEBHOOK_SECRET: PAYMENT_SECRET,
      TELEGRAM_BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      API_RATE_LIMIT_PER_MINUTE: '100000',
      LOG_LEVEL: 'info',
    },
    log: (m) => launcherLog.push(m),
  });
  pool = createPool(cluster.databaseUrl, { max: 2 });
  await seedOfficers(pool);
  keys = await issueOfficerKeys(pool);
}, 20 * 60_000);

afterAll(async () => {
  await pool?.end();
  await cluster?.stop();
  await emulator?.stop();
  await rm(dataDir, { recursive: true, force: true });
}, 120_000);

interface Status {
  status: string;
  stage: string | null;
  permitNumber: string | null;
  history: { action: string; actorKind: string }[];
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('a file goes from submission to issuance across two APIs, two workers and the bot, then everything stops', {
  timeout: 180_000,
}, async () => {
  const running = cluster!;
  expect(running.processes.map((p) => [p.name, p.role, p.running()])).toEqual([
    ['temporal-history', 'temporal-history', true],
    ['temporal-matching', 'temporal-matching', true],
    ['temporal-frontend', 'temporal-frontend', true],
    ['temporal-worker', 'temporal-worker', true],
    ['permit-worker-1', 'permit-worker', true],
    ['permit-worker-2', 'permit-worker', true],
    ['api-1', 'api', true],
    ['api-2', 'api', true],
    ['bot', 'bot', true],
  ]);
  const [api1, api2] = running.apiUrls as [string, string];

  // Submitted through the first API process.
  const ktp = await uploadKtp(api1, 'TEST-FREE');
  const submitted = await submitViaApi(api1, 'TEST-FREE', ktp);
  const rn = submitted.registrationNumber;
  expect(submitted.status).toBe('IN_REVIEW');

  // A permit worker tells the verifier on Telegram; the verifier approves through the bot process.
  const verifier = emulator.user(officers.verifikator.chat);
  await verifier.expect(`Berkas untuk Anda: ${rn}`, 60_000);
  verifier.send('/tugas');
  const item = await verifier.expect(`📄 ${rn} — Izin Uji Gratis\nTahap:`, 30_000);
  await verifier.press('Setujui', { on: item });
  await verifier.expect(`Keputusan tercatat. Berkas ${rn} kini sedang diproses`, 30_000);

  // The other decisions arrive through both API processes.
  const decide = (url: string, officer: OfficerKey) =>
    call<{ status: string; stageKey: string }>(url, 'POST', `/api/v1/applications/${rn}/decisions`, {
      bearer: keys[officer],
      body: { decision: 'approve' },
    });
  const review = await decide(api2, 'teknisDinkes');
  expect(review.status).toBe(200);
  expect(review.body.stageKey).toBe('decision');
  const issued = await decide(api1, 'kepala');
  expect(issued.status).toBe(200);
  expect(issued.body.status).toBe('ISSUED');

  // The second API process sees the final state the first one produced.
  const final = await call<Status>(api2, 'GET', `/api/v1/applications/${rn}`, {
    accessCode: submitted.accessCode,
  });
  expect(final.status).toBe(200);
  expect(final.body.status).toBe('ISSUED');
  expect(final.body.permitNumber).toMatch(/^SK\/TEST-FREE\/\d{4}\/000001$/);
  expect(final.body.history.map((h) => h.action)).toEqual([
    'submitted',
    'stage_approved',
    'stage_approved',
    'issued',
  ]);

  // The workflow ran to its end on the cluster's Temporal (history in its PostgreSQL database).
  const connection = await Connection.connect({ address: running.temporalAddress });
  try {
    const description = await new Client({ connection }).workflow.getHandle(rn).describe();
    expect(description.status.name).toBe('COMPLETED');
  } finally {
    await connection.close();
  }

  // Stopped in order, nothing is left: not a service, not a role, not PostgreSQL.
  const pids = [...running.processes.map((p) => p.pid!), running.postgresPid!];
  expect(pids.every((pid) => Number.isInteger(pid) && alive(pid))).toBe(true);
  await pool?.end();
  pool = undefined;
  await running.stop();
  cluster = undefined;
  expect(pids.filter(alive)).toEqual([]);
  expect(launcherLog.filter((line) => / stopped/.test(line)).map((line) => line.split(' ')[0])).toEqual([
    'bot',
    'api-2',
    'api-1',
    'permit-worker-2',
    'permit-worker-1',
    'temporal-worker',
    'temporal-frontend',
    'temporal-matching',
    'temporal-history',
    'embedded',
  ]);
  expect([...(await processesMentioning(dataDir)), ...(await processesInheriting(dataDir))]).toEqual([]);
});
