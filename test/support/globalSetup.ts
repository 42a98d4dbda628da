import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { allStarted } from '../../src/devstack/allStarted.js';
import { startEmbeddedPostgres } from '../../src/devstack/embeddedPostgres.js';
import { ensureAppRoles } from '../../src/devstack/embeddedRoles.js';
import { ensureTemporalCli } from '../../src/devstack/temporalCli.js';
import { workflowsPath } from '../../src/worker/createWorker.js';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    /** The runtime role's URL: what the app's pools use. */
    databaseUrl: string;
    /** The owner's URL: migrations, schema drops, and tests acting behind the app's back. */
    migrationDatabaseUrl: string;
    workflowBundlePath: string;
  }
}

/**
 * One real Temporal dev server (the locally built CLI, never the SDK's download) and one real
 * PostgreSQL per test run; the workflow bundle is built once. Test files isolate themselves
 * with their own task queue and schema (test/support/testStack.ts).
 */
export default async function setup(project: TestProject) {
  const started = Date.now();
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'perizinan-test-'));
  // As root the embedded server runs as the unprivileged postgres user, which must reach its
  // folder; what it cannot reach in the clone (its binaries) is copied here too.
  await chmod(scratch, 0o755);
  const stops: (() => Promise<void>)[] = [async () => rm(scratch, { recursive: true, force: true })];
  const teardown = async () => {
    for (const stop of stops.reverse()) await stop().catch((e) => console.error('[global teardown]', e));
  };
  try {
    const binary = await ensureTemporalCli({ log: (m) => console.log(`[global setup] ${m}`) });
    const [env, { databaseUrl, migrationDatabaseUrl }, bundlePath] = await allStarted([
      TestWorkflowEnvironment.createLocal({
        server: {
          executable: { type: 'existing-path', path: binary },
          ip: '127.0.0.1',
          ui: false,
          log: { format: 'json', level: 'error' },
        },
      }).then((e) => {
        stops.push(() => e.teardown());
        return e;
      }),
      testDatabase(scratch, stops),
      (async () => {
        const { code } = await bundleWorkflowCode({
          workflowsPath: workflowsPath(),
          logger: quietBundlerLogger,
        });
        const file = path.join(scratch, 'workflow-bundle.js');
        await writeFile(file, code);
        return file;
      })(),
    ]);
    project.provide('temporalAddress', env.address);
    project.provide('databaseUrl', databaseUrl);
    project.provide('migrationDatabaseUrl', migrationDatabaseUrl);
    project.provide('workflowBundlePath', bundlePath);
    console.log(
      `[global setup] Temporal ${env.address}, PostgreSQL and workflow bundle ready in ${Date.now() - started} ms`,
    );
  } catch (error) {
    // Printed here as well: a runner that loses the rejection must not leave a bare exit code.
    console.error('[global setup] failed, stopping what it started:', error);
    await teardown();
    throw error;
  }
  return teardown;
}

/** TEST_DATABASE_URL (or DATABASE_URL) when set and answering; otherwise an embedded server. */
/**
 * The suite runs as the app does: migrations as an owner role, everything else as a runtime
 * role. An existing server's user must therefore be allowed to create roles.
 */
async function testDatabase(
  scratch: string,
  stops: (() => Promise<void>)[],
): Promise<{ databaseUrl: string; migrationDatabaseUrl: string }> {
  const external = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!external) {
    const pg = await startEmbeddedPostgres({ dir: path.join(scratch, 'postgres'), sharedRoot: scratch });
    stops.push(pg.stop);
    return ensureAppRoles(pg.databaseUrl);
  }
  const client = new pg.Client({ connectionString: external, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `TEST_DATABASE_URL/DATABASE_URL is set but its server does not answer (${(error as Error).message}); ` +
        'unset both to test against an embedded PostgreSQL.',
    );
  } finally {
    await client.end().catch(() => {});
  }
  return ensureAppRoles(external);
}

const quietBundlerLogger = {
  trace() {},
  debug() {},
  info() {},
  warn(message: string) {
    console.warn(message);
  },
  error(message: string) {
    console.error(message);
  },
  log() {},
};
