import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface PostgresServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** A database the user may connect to, to look around and create the others from. */
  maintenanceDatabase: string;
}

/** The server, user and a database to connect to, taken from a postgres:// URL. */
export function postgresServerOf(databaseUrl: string): PostgresServer {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    maintenanceDatabase: decodeURIComponent(url.pathname.slice(1)) || 'postgres',
  };
}

/** Which embedded schema of temporal-sql-tool each database gets. */
export interface TemporalDatabaseNames {
  main: string;
  visibility: string;
}

/**
 * Creates the Temporal databases and brings their schemas to this server version with
 * temporal-sql-tool, as docker-compose's schema job does. Every step keeps what exists:
 * `create-database` passes over an existing database, `setup-schema -v 0.0` over a versioned
 * one, and `update-schema` applies only the versions not applied yet, so a restart or an
 * upgrade runs the same steps.
 */
export async function ensureTemporalDatabases(options: {
  sqlTool: string;
  server: PostgresServer;
  names: TemporalDatabaseNames;
  log?: (message: string) => void;
}): Promise<void> {
  const log = options.log ?? (() => {});
  const { server } = options;
  // The password travels in the environment, never on a command line others can read.
  const env = { ...process.env, SQL_PASSWORD: server.password };
  const tool = async (database: string, args: string[]) => {
    const common = ['--plugin', 'postgres12', '--ep', server.host, '-p', String(server.port)];
    try {
      await run(options.sqlTool, [...common, '-u', server.user, '--db', database, ...args], {
        env,
        timeout: 5 * 60_000,
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      const output = (error as { stderr?: string; stdout?: string }).stderr || String(error);
      throw new Error(`temporal-sql-tool ${args[0]} on database "${database}" failed:\n${output.trim()}`);
    }
  };
  for (const [database, schemaName] of [
    [options.names.main, 'postgresql/v12/temporal'],
    [options.names.visibility, 'postgresql/v12/visibility'],
  ] as const) {
    await tool(database, ['create-database', '--defaultdb', server.maintenanceDatabase]);
    await tool(database, ['setup-schema', '-v', '0.0']);
    await tool(database, ['update-schema', '--schema-name', schemaName]);
    log(`Temporal database "${database}" is at the schema of this server version`);
  }
}

async function withClient<T>(
  server: PostgresServer,
  database: string,
  use: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ ...server, database });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/**
 * Whether a server process has written the cluster's metadata. On a new database the first
 * process to start writes it; processes starting at the same moment would race to write it
 * too, and the losers exit.
 */
export function clusterMetadataSaved(server: PostgresServer, database: string): Promise<boolean> {
  return withClient(server, database, async (client) => {
    const found = await client.query('SELECT 1 FROM cluster_metadata_info LIMIT 1');
    return found.rowCount === 1;
  });
}
