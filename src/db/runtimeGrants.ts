import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

const GRANTS_FILE = path.resolve(import.meta.dirname, 'runtimeGrants.sql');

/** The user a connection URL logs in as (the URL may leave it to PGUSER or the OS user). */
export async function connectedUser(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ user: string }>('SELECT current_user AS user');
    return rows[0]!.user;
  } finally {
    await client.end();
  }
}

/** runtimeGrants.sql with its psql variables (:"schema", :"runtime_role") filled in. */
export async function runtimeGrantsSql(options: { schema: string; runtimeRole: string }): Promise<string> {
  const template = await readFile(GRANTS_FILE, 'utf8');
  const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
  return template
    .replaceAll(':"schema"', ident(options.schema))
    .replaceAll(':"runtime_role"', ident(options.runtimeRole));
}

/**
 * Grants the runtime role (the user of `runtimeDatabaseUrl`) what the app needs in `schema`, run
 * as the migration user. Nothing to do when both URLs log in as the same user: that user owns
 * the tables anyway.
 */
export async function grantRuntimeAccess(options: {
  migrationDatabaseUrl: string;
  runtimeDatabaseUrl: string;
  schema: string;
}): Promise<{ runtimeRole: string } | undefined> {
  const [migrationRole, runtimeRole] = await Promise.all([
    connectedUser(options.migrationDatabaseUrl),
    connectedUser(options.runtimeDatabaseUrl),
  ]);
  if (migrationRole === runtimeRole) return undefined;
  const sql = await runtimeGrantsSql({ schema: options.schema, runtimeRole });
  const client = new pg.Client({
    connectionString: options.migrationDatabaseUrl,
    connectionTimeoutMillis: 5_000,
  });
  await client.connect();
  try {
    await client.query(`BEGIN; ${sql}; COMMIT;`);
  } finally {
    await client.end();
  }
  return { runtimeRole };
}
