import path from 'node:path';
import type { AppConfig } from '../config/config.js';
import { startEmbeddedPostgres } from '../devstack/embeddedPostgres.js';
import { ensureAppRoles } from '../devstack/embeddedRoles.js';
import { ensureTemporalCli } from '../devstack/temporalCli.js';
import { startTemporalDevServer } from '../devstack/temporalDevServer.js';
import type { Logger } from '../logging/logger.js';
import type { TemporalTarget } from '../temporal/connections.js';
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
): Promise<Infrastructure> {
  const { databaseUrl, migrationDatabaseUrl } = await provideDatabase(config, logger, stops);
  let address = config.temporal.address;
  if (!address) {
    const binary = await ensureTemporalCli({ log: (m) => logger.info(m) });
    const dir = path.join(config.dataDir, 'temporal');
    const tLog = logger.child({ component: 'temporal-dev-server' });
    const server = await startTemporalDevServer({
      binary,
      dir,
      namespace: config.temporal.namespace,
      uiPort: config.temporal.uiPort,
      log: (m) => tLog.debug(m),
    });
    stops.push('temporal dev server', server.stop);
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
): Promise<Pick<Infrastructure, 'databaseUrl' | 'migrationDatabaseUrl'>> {
  if (config.databaseUrl && config.migrationDatabaseUrl) {
    return { databaseUrl: config.databaseUrl, migrationDatabaseUrl: config.migrationDatabaseUrl };
  }
  const dir = path.join(config.dataDir, 'postgres');
  const pgLog = logger.child({ component: 'embedded-postgres' });
  const pg = await startEmbeddedPostgres({ dir, log: (m) => pgLog.debug(m) });
  stops.push('embedded postgres', pg.stop);
  if (pg.unreachable) {
    logger.warn(
      { dir: pg.dataDir, unreachable: pg.unreachable },
      `the embedded PostgreSQL's "postgres" user cannot enter ${pg.unreachable}, so its data lives in ` +
        `${pg.dataDir} (kept across restarts); set DATA_DIR to a folder it can enter to keep it there`,
    );
  }
  const urls = await ensureAppRoles(pg.databaseUrl);
  logger.info({ dir: pg.dataDir, port: Number(new URL(pg.databaseUrl).port) }, 'embedded PostgreSQL started');
  return urls;
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
