import path from 'node:path';
import type { AppConfig } from '../config/config.js';
import { startEmbeddedPostgres } from '../devstack/embeddedPostgres.js';
import { ensureAppRoles } from '../devstack/embeddedRoles.js';
import { ensureTemporalCli } from '../devstack/temporalCli.js';
import { startTemporalDevServer } from '../devstack/temporalDevServer.js';
import type { Logger } from '../logging/logger.js';
import type { TemporalTarget } from '../temporal/connections.js';
import { type RestartableServer, superviseServer } from './serverSupervisor.js';
import type { StopStack } from './stopStack.js';

export interface Infrastructure {
  /** The runtime role's: every pool of the app. */
  databaseUrl: string;
  /** The tables' owner's: migrations only. */
  migrationDatabaseUrl: string;
  temporal: TemporalTarget;
}

/**
 * Uses DATABASE_URL and TEMPORAL_ADDRESS when set; otherwise starts an embedded PostgreSQL and
 * a Temporal dev server whose data live under DATA_DIR, so a restart loses nothing.
 */
export async function provideInfrastructure(
  config: AppConfig,
  logger: Logger,
  stops: StopStack,
  /** Called when an embedded server cannot be brought back: the process should exit non-zero. */
  onServerLost: (reason: string) => void = () => {},
): Promise<Infrastructure> {
  const { databaseUrl, migrationDatabaseUrl } = await provideDatabase(config, logger, stops, onServerLost);
  let address = config.temporal.address;
  if (!address) {
    const binary = await ensureTemporalCli({ log: (m) => logger.info(m) });
    const dir = path.join(config.dataDir, 'temporal');
    const tLog = logger.child({ component: 'temporal-dev-server' });
    const startServer = (port?: number) =>
      startTemporalDevServer({
        binary,
        dir,
        namespace: config.temporal.namespace,
        uiPort: config.temporal.uiPort,
        port,
        log: (m) => tLog.debug(m),
      });
    const server = await startServer();
    // Restarted on the same port: the worker's and clients' connections find it again.
    const port = Number(server.address.split(':').pop());
    const supervised = keepAlive('Temporal dev server', server, () => startServer(port), tLog, onServerLost);
    stops.push('temporal dev server', supervised.stop);
    address = server.address;
    logger.info({ address, webUi: server.uiUrl, dir }, 'Temporal dev server started');
  }
  return {
    databaseUrl,
    migrationDatabaseUrl,
    temporal: {
      address,
      namespace: config.temporal.namespace,
      tls: config.temporal.tls,
      apiKey: config.temporal.apiKey,
    },
  };
}

/**
 * DATABASE_URL (and MIGRATION_DATABASE_URL) when set; otherwise an embedded PostgreSQL under
 * DATA_DIR, with an owner role for migrations and a runtime role for the app.
 */
export async function provideDatabase(
  config: AppConfig,
  logger: Logger,
  stops: StopStack,
  onServerLost: (reason: string) => void = () => {},
): Promise<Pick<Infrastructure, 'databaseUrl' | 'migrationDatabaseUrl'>> {
  if (config.databaseUrl && config.migrationDatabaseUrl) {
    return { databaseUrl: config.databaseUrl, migrationDatabaseUrl: config.migrationDatabaseUrl };
  }
  const dir = path.join(config.dataDir, 'postgres');
  const pgLog = logger.child({ component: 'embedded-postgres' });
  const pg = await startEmbeddedPostgres({ dir, log: (m) => pgLog.debug(m) });
  // Restarted on the same port: the pools' next connections reach it with the same URLs.
  const port = Number(new URL(pg.databaseUrl).port);
  const restart = () => startEmbeddedPostgres({ dir, port, log: (m) => pgLog.debug(m) });
  const supervised = keepAlive('embedded PostgreSQL', pg, restart, pgLog, onServerLost);
  stops.push('embedded postgres', supervised.stop);
  if (pg.unreachable) {
    logger.warn(
      { dir: pg.dataDir, unreachable: pg.unreachable },
      `the embedded PostgreSQL's "postgres" user cannot enter ${pg.unreachable}, so its data lives in ` +
        `${pg.dataDir} (kept across restarts); set DATA_DIR to a folder it can enter to keep it there`,
    );
  }
  const urls = await ensureAppRoles(pg.databaseUrl);
  logger.info({ dir: pg.dataDir, port, pid: pg.pid }, 'embedded PostgreSQL started');
  return urls;
}

/** Restarts a crashed embedded server with back-off, each step logged. */
function keepAlive<T extends RestartableServer>(
  name: string,
  first: T,
  start: () => Promise<T>,
  log: Logger,
  onServerLost: (reason: string) => void,
) {
  return superviseServer(first, start, {
    crashed: (how, delayMs) => log.error({ how, delayMs }, `${name} ${how} unexpectedly; restarting it`),
    restarted: (attempt) => log.warn({ attempt }, `${name} restarted`),
    restartFailed: (err, attempt, delayMs) =>
      log.error({ err, attempt, delayMs }, `${name} could not be restarted; trying again`),
    gaveUp: (err) => {
      const reason = `${name} could not be restarted: ${err instanceof Error ? err.message : String(err)}`;
      log.fatal({ err }, reason);
      onServerLost(reason);
    },
  });
}

/** For the separate entry points: production runs them against existing servers. */
export function requireExternalInfrastructure(config: AppConfig, role: string): Infrastructure {
  const missing = [
    ...(config.databaseUrl ? [] : ['DATABASE_URL']),
    ...(config.temporal.address ? [] : ['TEMPORAL_ADDRESS']),
  ];
  if (missing.length > 0) {
    throw new Error(
      `The ${role} entry point connects to running servers: set ${missing.join(' and ')}. ` +
        'To run everything on this machine with embedded servers, use "npm start".',
    );
  }
  return {
    databaseUrl: config.databaseUrl!,
    migrationDatabaseUrl: config.migrationDatabaseUrl!,
    temporal: {
      address: config.temporal.address!,
      namespace: config.temporal.namespace,
      tls: config.temporal.tls,
      apiKey: config.temporal.apiKey,
    },
  };
}
