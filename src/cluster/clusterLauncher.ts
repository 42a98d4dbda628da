import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runMigrations } from '../db/migrate.js';
import { startEmbeddedPostgres } from '../devstack/embeddedPostgres.js';
import { ensureTemporalServer } from '../devstack/temporalServerBuild.js';
import { type ClusterLayout, prepareClusterLayout, temporalPortsFor } from './clusterLayout.js';
import { appRoleSpec, SERVER_CONFIG_ENV, temporalServiceSpec } from './clusterProcesses.js';
import { waitForApi, waitForFrontend, waitForWorkflowChain, waitUntil } from './clusterReadiness.js';
import { ManagedProcess, type ProcessSpec } from './managedProcess.js';
import { clusterMetadataSaved, ensureTemporalDatabases, postgresServerOf } from './temporalDatabases.js';
import { ensureNamespace } from './temporalNamespace.js';
import {
  renderDynamicConfig,
  renderTemporalServerConfig,
  type TemporalService,
} from './temporalServerConfig.js';

export interface ClusterOptions {
  /** Holds everything the cluster keeps: embedded PostgreSQL, server config, logs, documents. */
  dataDir: string;
  /** The app's database on an existing server; the Temporal databases go to the same server. */
  databaseUrl?: string | undefined;
  /**
   * One API process per port; or a function that picks them, called right before the APIs start:
   * ports picked a minute earlier (while Temporal starts) may be taken by then on a busy machine.
   */
  apiPorts: number[] | (() => Promise<number[]>);
  permitWorkers: number;
  historyShards: number;
  namespace: string;
  taskQueue: string;
  /** Runs the Telegram bot process (long polling); it needs TELEGRAM_BOT_TOKEN in `appEnv`. */
  bot: boolean;
  /** Variables every app role gets (catalog, secrets, Telegram settings). */
  appEnv?: Record<string, string>;
  log?: (message: string) => void;
}

export interface RunningCluster {
  layout: ClusterLayout;
  temporalAddress: string;
  /** The app's database (contains the password: do not print). */
  databaseUrl: string;
  apiUrls: string[];
  /** In start order: Temporal services, permit workers, APIs, bot. */
  processes: ManagedProcess[];
  process(name: string): ManagedProcess;
  /** PostgreSQL's postmaster PID when the cluster started its own. */
  postgresPid: number | undefined;
  /** Stops everything in order; safe to call twice. */
  stop(): Promise<void>;
}

// Started first to last; stopped last to first. Every caller goes before what it calls: the
// bot and the APIs (they start and update workflows) before the permit workers (they finish the
// tasks already taken), then the Temporal internal worker (a client of the frontend), the
// frontend (no new requests reach the cluster), matching, and history last, which owns the
// shards and writes the workflows' state; then PostgreSQL under all of them.
const TEMPORAL_START_ORDER: TemporalService[] = ['history', 'matching', 'frontend', 'worker'];
const DB_NAMES = { main: 'temporal', visibility: 'temporal_visibility' };

/**
 * The production shape on one machine: Temporal's four services as separate processes on
 * PostgreSQL, N permit workers, N API processes and the bot, each a child process with its own
 * log. Any failure while starting says why and stops what was started.
 */
export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const log = options.log ?? (() => {});
  const layout = await prepareClusterLayout(path.resolve(options.dataDir));
  const stops: (() => Promise<void>)[] = [];
  const processes: ManagedProcess[] = [];
  let running = true;
  const stopAll = async () => {
    running = false;
    for (const stop of stops.reverse().splice(0)) await stop().catch((e) => log(`while stopping: ${e}`));
  };
  const launch = (spec: ProcessSpec) => {
    const child = new ManagedProcess(spec, (p, status) => {
      if (running) {
        log(`${p.name} exited unexpectedly (${status.signal ?? `code ${status.code}`}); see ${p.logFile}`);
      }
    });
    child.start();
    processes.push(child);
    stops.push(async () => {
      const status = await child.stop();
      log(`${spec.name} stopped (${status.signal ?? `exit code ${status.code}`})`);
    });
    log(`${spec.name} started (pid ${child.pid}), log: ${spec.logFile}`);
    return child;
  };
  const wait = (timeoutMs: number) => ({ timeoutMs, giveUp: firstDeath });
  function firstDeath() {
    const dead = processes.find((p) => !p.running());
    if (!dead) return undefined;
    const cause = dead.spawnError?.message ?? `it exited; see ${dead.logFile}`;
    return `${dead.name} stopped during start: ${cause}`;
  }

  try {
    const kit = await ensureTemporalServer({ log });

    let databaseUrl = options.databaseUrl;
    let postgresPid: number | undefined;
    if (!databaseUrl) {
      const pg = await startEmbeddedPostgres({ dir: layout.postgresDir });
      stops.push(async () => {
        await pg.stop();
        log('embedded PostgreSQL stopped');
      });
      databaseUrl = pg.databaseUrl;
      postgresPid = pg.pid;
      log(
        `embedded PostgreSQL started (pid ${pg.pid}, port ${new URL(databaseUrl).port}) in ${layout.postgresDir}`,
      );
    }
    const server = postgresServerOf(databaseUrl);
    await ensureTemporalDatabases({ sqlTool: kit.sqlTool, server, names: DB_NAMES, log });
    const applied = await runMigrations({ databaseUrl });
    log(
      applied.length > 0 ? `app migrations applied: ${applied.join(', ')}` : 'app database schema up to date',
    );

    const ports = await temporalPortsFor(layout);
    const temporalAddress = `127.0.0.1:${ports.frontend.grpc}`;
    await writeServerConfig(layout, {
      ports,
      server,
      historyShards: options.historyShards,
      frontendAddress: temporalAddress,
    });
    const freshDatabase = !(await clusterMetadataSaved(server, DB_NAMES.main));
    for (const service of TEMPORAL_START_ORDER) {
      launch(temporalServiceSpec({ binary: kit.server, service, layout, dbPassword: server.password }));
      if (freshDatabase && service === TEMPORAL_START_ORDER[0]) {
        // The first service writes the cluster's metadata alone (see clusterMetadataSaved).
        await waitUntil(
          'the first Temporal service did not initialise its database',
          wait(60_000),
          async () =>
            (await clusterMetadataSaved(server, DB_NAMES.main)) ? undefined : 'no cluster metadata yet',
        );
      }
    }
    await waitForFrontend(temporalAddress, wait(120_000));
    const namespace = await ensureNamespace(temporalAddress, options.namespace);
    log(`Temporal frontend serving on ${temporalAddress}; namespace "${options.namespace}" ${namespace}`);

    const roleEnv = {
      databaseUrl,
      temporalAddress,
      namespace: options.namespace,
      taskQueue: options.taskQueue,
      layout,
      extra: options.appEnv ?? {},
    };
    for (let i = 1; i <= options.permitWorkers; i++) {
      launch(appRoleSpec('permit-worker', `permit-worker-${i}`, roleEnv));
    }
    await waitForWorkflowChain(
      { address: temporalAddress, namespace: options.namespace, taskQueue: options.taskQueue },
      wait(120_000),
    );
    log('a probe workflow ran through the frontend, history, matching and a permit worker');

    const apiPorts = typeof options.apiPorts === 'function' ? await options.apiPorts() : options.apiPorts;
    const apiUrls = apiPorts.map((port) => `http://127.0.0.1:${port}`);
    apiPorts.forEach((port, i) => {
      launch(appRoleSpec('api', `api-${i + 1}`, roleEnv, { PORT: String(port) }));
    });
    for (const url of apiUrls) await waitForApi(url, wait(60_000));
    if (options.bot) launch(appRoleSpec('bot', 'bot', roleEnv));

    return {
      layout,
      temporalAddress,
      databaseUrl,
      apiUrls,
      processes,
      postgresPid,
      process(name) {
        const found = processes.find((p) => p.name === name);
        if (!found) throw new Error(`no process named ${name} in this cluster`);
        return found;
      },
      stop: stopAll,
    };
  } catch (error) {
    const dead = processes.find((p) => !p.running());
    const tail = dead ? await dead.logTail(8) : '';
    await stopAll();
    if (!tail) throw error;
    const lines = tail.split('\n').map((line) => `  ${line.slice(0, 400)}`);
    throw new Error(`${(error as Error).message}\nlast lines of ${dead!.logFile}:\n${lines.join('\n')}`, {
      cause: error,
    });
  }
}

async function writeServerConfig(
  layout: ClusterLayout,
  shape: {
    ports: Awaited<ReturnType<typeof temporalPortsFor>>;
    server: ReturnType<typeof postgresServerOf>;
    historyShards: number;
    frontendAddress: string;
  },
): Promise<void> {
  const dynamicConfigFile = path.join(layout.temporalConfigDir, 'dynamicconfig.yaml');
  const header = ['Generated by "npm run start:cluster" on every start; edits are overwritten.'];
  const config = renderTemporalServerConfig(
    {
      database: {
        host: shape.server.host,
        port: shape.server.port,
        user: shape.server.user,
        database: DB_NAMES.main,
        visibilityDatabase: DB_NAMES.visibility,
        maxConns: 20,
      },
      historyShards: shape.historyShards,
      ports: shape.ports,
      bind: 'loopback',
      frontendAddress: shape.frontendAddress,
      dynamicConfigFile,
      logLevel: 'warn',
    },
    header,
  );
  await writeFile(path.join(layout.temporalConfigDir, `${SERVER_CONFIG_ENV}.yaml`), config);
  await writeFile(
    dynamicConfigFile,
    renderDynamicConfig({ taskQueuePartitions: 4, historyCacheSize: 8192 }, header),
  );
}
