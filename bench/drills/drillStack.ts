import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type RunningCluster, startCluster } from '../../src/cluster/clusterLauncher.js';
import { runMigrations } from '../../src/db/migrate.js';
import { createPool, type Pool } from '../../src/db/pool.js';
import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from '../../src/devstack/embeddedPostgres.js';
import { consecutiveFreePorts } from '../../src/devstack/freePort.js';
import { BotApiEmulator } from '../../test/support/botApiEmulator.js';
import {
  ADMIN_TOKEN,
  issueOfficerKeys,
  type OfficerKey,
  PAYMENT_SECRET,
  seedOfficers,
} from '../../test/support/officerFixtures.js';

/**
 * The cluster shape for fault drills, all on loopback: Temporal's services on their own embedded
 * PostgreSQL, the app's database on a second embedded PostgreSQL (so R3 can take it away without
 * taking Temporal along), two permit workers, two APIs and the bot against a Bot API emulator.
 */
export interface DrillStack {
  cluster: RunningCluster;
  emulator: BotApiEmulator;
  /** The drill's own connections to the app database (reads counts; seeds officers). */
  pool: Pool;
  keys: Record<OfficerKey, string>;
  apiUrls: string[];
  /** The app's database (the cluster's own PostgreSQL holds Temporal's). */
  appDatabaseUrl: string;
  /** The app PostgreSQL's postmaster (it changes when the drill restarts the database). */
  appDatabasePid(): number | undefined;
  /** Stops the app's PostgreSQL (fast shutdown) until `startAppDatabase`. */
  stopAppDatabase(): Promise<void>;
  startAppDatabase(): Promise<void>;
  stop(): Promise<void>;
}

export interface DrillStackOptions {
  /** The permit catalog; the test catalog by default, `null` for the app's own. */
  catalog?: string | null;
  /** Variables for every app role, over the drills' defaults (e.g. LOG_LEVEL). */
  appEnv?: Record<string, string>;
  /** Where the stack's folder is made (databases, logs); the temp folder by default. */
  scratchRoot?: string;
}

export async function startDrillStack(
  log: (m: string) => void,
  options: DrillStackOptions = {},
): Promise<DrillStack> {
  const catalog =
    options.catalog === undefined ? path.resolve('test/fixtures/catalog-test.yaml') : options.catalog;
  const dataDir = await mkdtemp(path.join(options.scratchRoot ?? os.tmpdir(), 'perizinan-drills-'));
  // The embedded servers run as the unprivileged postgres user, which must reach their folders.
  await chmod(dataDir, 0o755);
  const appDbDir = path.join(dataDir, 'app-postgres');
  let appDb: EmbeddedPostgresHandle | undefined = await startEmbeddedPostgres({ dir: appDbDir });
  const appDbPort = Number(new URL(appDb.databaseUrl).port);
  await runMigrations({ databaseUrl: appDb.databaseUrl });
  const emulator = await BotApiEmulator.start();
  let cluster: RunningCluster | undefined;
  try {
    cluster = await startCluster({
      dataDir: path.join(dataDir, 'cluster'),
      apiPorts: () => consecutiveFreePorts(),
      permitWorkers: 2,
      historyShards: 4,
      namespace: 'default',
      taskQueue: 'permits',
      bot: true,
      appEnv: {
        DATABASE_URL: appDb.databaseUrl,
        ...(catalog === null ? {} : { PERMIT_CATALOG: catalog }),
        ADMIN_TOKEN,
        PAYMENT_WEBHOOK_SECRET: PAYMENT_SECRET,
        TELEGRAM_BOT_TOKEN: emulator.token,
        TELEGRAM_API_ROOT: emulator.apiRoot,
        API_RATE_LIMIT_PER_MINUTE: '1000000',
        API_OFFICER_RATE_LIMIT_PER_MINUTE: '1000000',
        UPLOAD_MB_PER_ADDRESS_PER_HOUR: '100000',
        LOG_LEVEL: 'info',
        ...options.appEnv,
      },
      log: (m) => log(`[cluster] ${m}`),
    });
  } catch (error) {
    await emulator.stop();
    await appDb.stop();
    throw error;
  }
  const pool = createPool(appDb.databaseUrl, { max: 4 });
  await seedOfficers(pool);
  const keys = await issueOfficerKeys(pool);
  const running = cluster;
  return {
    cluster: running,
    emulator,
    pool,
    keys,
    apiUrls: running.apiUrls,
    appDatabaseUrl: appDb.databaseUrl,
    appDatabasePid: () => appDb?.pid,
    async stopAppDatabase() {
      await appDb?.stop();
      appDb = undefined;
    },
    async startAppDatabase() {
      // The same port: every role's pool reconnects with the URL it was given.
      appDb = await startEmbeddedPostgres({ dir: appDbDir, port: appDbPort });
    },
    async stop() {
      await pool.end().catch(() => {});
      await running.stop();
      await emulator.stop();
      await appDb?.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
