import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { TestProject } from 'vitest/node';
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
  // The embedded server runs as the unprivileged postgres user, which must reach its folder.
  await chmod(scratch, 0o755);
  const stops: (() => Promise<void>)[] = [async () => rm(scratch, { recursive: true, force: true })];
  const teardown = async () => {
    for (const stop of stops.reverse()) await stop().catch((e) => console.error('teardown:', e));
  };
  try {
    const binary = await ensureTemporalCli({ log: (m) => console.log(`[global setup] ${m}`) });
    const [env, { databaseUrl, migrationDatabaseUrl }, bundlePath] = await Promise.all([
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
      (async () => {
        // An existing server's user must be allowed to create roles: the suite runs as the app
        // does, migrations as an owner role and everything else as a runtime role.
        const external = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
        if (external) return ensureAppRoles(external);
        const pg = await startEmbeddedPostgres({ dir: path.join(scratch, 'postgres') });
        stops.push(pg.stop);
        return ensureAppRoles(pg.databaseUrl);
      })(),
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
    await teardown();
    throw error;
  }
  return teardown;
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
