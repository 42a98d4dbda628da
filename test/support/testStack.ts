import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { createNamespace, waitOnNamespace } from '@temporalio/testing/lib/utils.js';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import { type ActivityDependencies, createActivities } from '../../src/activities/index.js';
import { runMigrations } from '../../src/db/migrate.js';
import { createPool, type Pool, quoteIdent } from '../../src/db/pool.js';
import { loadWorkingCalendar } from '../../src/domain/calendar/loadWorkingCalendar.js';
import type { WorkingCalendar } from '../../src/domain/calendar/workingCalendar.js';
import { loadCatalog } from '../../src/domain/catalog/loadCatalog.js';
import { loadOfficeProfile } from '../../src/domain/catalog/loadOfficeProfile.js';
import { levyNoticePreparer } from '../../src/notifications/levyNotices.js';
import type { NotificationChannel } from '../../src/notifications/notificationChannel.js';
import { startLevyAssessor } from '../../src/worker/levyAssessor.js';
import { startOutboxDispatcher } from '../../src/worker/outboxDispatcher.js';

// Worker state changes are noise in test output; warnings and errors still show.
Runtime.install({ logger: new DefaultLogger('WARN') });

export interface TestStack {
  pool: Pool;
  namespace: string;
  client: Client;
  taskQueue: string;
  schema: string;
  /** The runtime role's URL, as `pool` uses it (with `schema` as its search path). */
  databaseUrl: string;
  /** The owner's URL: for acting behind the app's back. */
  migrationDatabaseUrl: string;
  nativeConnection: NativeConnection;
  calendar: WorkingCalendar;
  /**
   * Starts (another) worker on this file's task queue, with an outbox dispatcher beside it
   * when given a channel (as the worker role does); stopped by `stop()`.
   */
  startWorker(options?: WorkerOptionsForTest): Promise<RunningWorker>;
  stop(): Promise<void>;
}

/** Permits printed from the test catalog; a test that follows the QR link sets its own base URL. */
export const TEST_PERMIT_DOCUMENTS = {
  catalog: loadCatalog('test/fixtures/catalog-test.yaml'),
  office: loadOfficeProfile(),
  publicBaseUrl: 'http://localhost:3000',
};

export interface WorkerOptionsForTest extends Partial<ActivityDependencies> {
  channel?: NotificationChannel;
}

export interface RunningWorker {
  worker: Worker;
  stop(): Promise<void>;
}

/**
 * Isolation per test file on the run's shared servers: a schema of its own (migrated), a task
 * queue of its own, and workers built from the run's single workflow bundle.
 */
export async function startTestStack(name: string): Promise<TestStack> {
  const suffix = randomBytes(4).toString('hex');
  const schema = `t_${name
    .replace(/[^a-z0-9]/gi, '_')
    .toLowerCase()
    .slice(0, 40)}_${suffix}`;
  const databaseUrl = inject('databaseUrl');
  const migrationDatabaseUrl = inject('migrationDatabaseUrl');
  await runMigrations({ databaseUrl: migrationDatabaseUrl, runtimeDatabaseUrl: databaseUrl, schema });
  const pool = createPool(databaseUrl, { schema, max: 5 });
  const address = inject('temporalAddress');
  const connection = await Connection.connect({ address });
  // A namespace per file: registration numbers (the workflow IDs) restart at 000001 in every
  // file's schema, so files must not share a namespace.
  const namespace = `t-${name}-${suffix}`;
  await createNamespace(connection, namespace);
  await waitOnNamespace(connection, namespace, 200, 0.1);
  const client = new Client({ connection, namespace });
  const nativeConnection = await NativeConnection.connect({ address });
  const taskQueue = `test-${name}-${suffix}`;
  const workers = new Set<RunningWorker>();
  const calendar = await loadWorkingCalendar('data/holidays-id.yaml');
  const levy = { catalog: loadCatalog('test/fixtures/catalog-test.yaml'), office: loadOfficeProfile() };
  const levyPreparer = levyNoticePreparer(levy);

  const startWorker = async (options: WorkerOptionsForTest = {}): Promise<RunningWorker> => {
    const { channel, ...overrides } = options;
    // A short poll: notices written while another test's worker was down still go out quickly.
    const dispatcher = channel
      ? startOutboxDispatcher({ pool, channel, pollMs: 250, prepare: levyPreparer })
      : undefined;
    // As in the worker role: SKRDs are issued whether or not a channel delivers notices.
    const levyAssessor = startLevyAssessor({ pool, ...levy }, { intervalMs: 1000 });
    const worker = await Worker.create({
      connection: nativeConnection,
      namespace,
      taskQueue,
      workflowBundle: { codePath: inject('workflowBundlePath') },
      activities: createActivities({
        pool,
        calendar,
        onNoticesQueued: () => {
          levyAssessor.wake();
          dispatcher?.wake();
        },
        permitDocuments: TEST_PERMIT_DOCUMENTS,
        ...overrides,
      }),
      shutdownGraceTime: '2 seconds',
    });
    const running = worker.run();
    const handle: RunningWorker = {
      worker,
      stop: async () => {
        workers.delete(handle);
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running;
        await dispatcher?.stop();
        await levyAssessor.stop();
      },
    };
    workers.add(handle);
    return handle;
  };

  return {
    pool,
    namespace,
    client,
    taskQueue,
    schema,
    databaseUrl,
    migrationDatabaseUrl,
    nativeConnection,
    calendar,
    startWorker,
    async stop() {
      for (const w of [...workers]) await w.stop();
      await nativeConnection.close();
      await connection.close();
      await pool.end();
      const owner = createPool(migrationDatabaseUrl, { max: 1 });
      await owner.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`).finally(() => owner.end());
    },
  };
}
