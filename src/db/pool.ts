import pg from 'pg';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;
/** A pool, or a client inside a transaction: what repository functions run their statements on. */
export type Queryable = Pool | PoolClient;

/**
 * One pool per process. `schema` puts every unqualified table name in that schema: production
 * uses the default (public); each test file gets a schema of its own on the shared server.
 */
export function createPool(databaseUrl: string, options: { schema?: string; max?: number } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    options: options.schema ? `-c search_path=${quoteIdent(options.schema)}` : undefined,
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  // Nor a checked-out one between statements (e.g. while a notice goes to Telegram) when the
  // server shuts down: pg-pool listens only on idle clients, and an unheard 'error' event ends
  // the process. The client's next statement fails instead, and the pool discards it on release.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  return pool;
}

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid schema name: ${name}`);
  return `"${name}"`;
}

/** Runs `work` in one transaction, rolled back on any error. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** True when the database answers a trivial statement (health checks). */
export async function pingDatabase(pool: Pool): Promise<void> {
  await pool.query('SELECT 1');
}
