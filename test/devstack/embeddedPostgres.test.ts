import { appendFile, chmod, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from '../../src/devstack/embeddedPostgres.js';
import { binariesIn, packagedPostgresBinaries } from '../../src/devstack/postgresBinaries.js';
import { processesMentioning } from '../support/processes.js';

/**
 * A clone in a folder only its owner may enter (root's home, a mode-700 temporary folder): as
 * root the server runs as the unprivileged postgres user, which can reach neither the binaries
 * in node_modules nor a data folder under the clone. As another user the server runs as that
 * user, who reaches both, so nothing moves; either way the server must start and answer.
 */
const asRoot = process.getuid?.() === 0;
let clone: string;
let sharedRoot: string;
let binaries: Awaited<ReturnType<typeof packagedPostgresBinaries>>;

beforeAll(async () => {
  clone = await mkdtemp(path.join(os.tmpdir(), 'perizinan-clone-'));
  await chmod(clone, 0o700);
  sharedRoot = await mkdtemp(path.join(os.tmpdir(), 'perizinan-shared-'));
  await chmod(sharedRoot, 0o755);
  const packaged = await packagedPostgresBinaries();
  // The clone's own copy of the package's binaries, as `npm ci` puts them inside a clone.
  const inClone = path.join(clone, 'node_modules', 'native');
  await cp(packaged.root, inClone, { recursive: true, verbatimSymlinks: true });
  binaries = { ...binariesIn(inClone), version: packaged.version };
});
afterAll(async () => {
  await rm(clone, { recursive: true, force: true });
  await rm(sharedRoot, { recursive: true, force: true });
});

const start = (dir: string) =>
  startEmbeddedPostgres({ dir, database: 'clone_test', binaries, sharedRoot, log: () => {} });

async function query(handle: EmbeddedPostgresHandle, sql: string) {
  const client = new pg.Client({ connectionString: handle.databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

test('the embedded PostgreSQL starts from a clone in a mode-700 folder and keeps its data', {
  timeout: 120_000,
}, async () => {
  const dir = path.join(clone, 'var', 'postgres');
  const first = await start(dir);
  try {
    expect(await query(first, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await query(first, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('survives a restart')");
    if (asRoot) {
      expect(first.unreachable).toBe(clone);
      expect(first.dataDir.startsWith(`${sharedRoot}/`)).toBe(true);
      expect(first.binariesDir).toBe(path.join(sharedRoot, `postgres-${binaries.version}`));
    } else {
      expect(first.unreachable).toBeUndefined();
      expect(first.dataDir).toBe(dir);
      expect(first.binariesDir).toBe(binaries.root);
    }
  } finally {
    await first.stop();
  }
  expect(await processesMentioning(first.dataDir)).toEqual([]);

  const second = await start(dir);
  try {
    expect(second.dataDir).toBe(first.dataDir);
    expect(await query(second, 'SELECT note FROM kept')).toEqual([{ note: 'survives a restart' }]);
  } finally {
    await second.stop();
  }
});

test('a server that cannot start says why and leaves nothing running', { timeout: 120_000 }, async () => {
  const dir = path.join(clone, 'broken-config');
  const healthy = await start(dir);
  await healthy.stop();
  await appendFile(path.join(healthy.dataDir, 'cluster', 'postgresql.conf'), '\nno_such_setting = on\n');

  await expect(start(dir)).rejects.toThrow(/PostgreSQL exited .*during start[\s\S]*no_such_setting/);
  expect(await processesMentioning(healthy.dataDir)).toEqual([]);
});

test('a failure after the server is up stops it before reporting', { timeout: 120_000 }, async () => {
  const dir = path.join(clone, 'wrong-password');
  const healthy = await start(dir);
  await healthy.stop();
  await writeFile(path.join(healthy.dataDir, 'password'), 'not-the-cluster-password\n');

  await expect(start(dir)).rejects.toThrow(/could not be opened: password authentication failed/);
  expect(await processesMentioning(healthy.dataDir)).toEqual([]);
});
