import { createHmac } from 'node:crypto';
import pg from 'pg';

/** Runs migrations and owns the tables. */
export const OWNER_ROLE = 'perizinan_owner';
/** What the app connects as: granted rows, never ownership (src/db/runtimeGrants.sql). */
export const RUNTIME_ROLE = 'perizinan_app';

export interface AppDatabaseUrls {
  /** The owner's URL: migrations run with it. */
  migrationDatabaseUrl: string;
  /** The runtime role's URL: every pool of the app uses it. */
  databaseUrl: string;
}

/**
 * On a server the project runs itself (the embedded PostgreSQL, the test suite's), makes the two
 * roles the app uses from the superuser's URL. Their passwords are derived from the superuser's,
 * so nothing more is stored. The database becomes the owner's, and objects that an earlier
 * version created as the superuser in `public` are handed to the owner, so migrations can alter
 * them.
 */
export async function ensureAppRoles(adminUrl: string): Promise<AppDatabaseUrls> {
  const admin = new URL(adminUrl);
  const database = decodeURIComponent(admin.pathname.slice(1));
  const secret = decodeURIComponent(admin.password);
  const passwordOf = (role: string) => createHmac('sha256', secret).update(role).digest('base64url');
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    for (const role of [OWNER_ROLE, RUNTIME_ROLE]) {
      const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      await client.query(
        `${rowCount === 0 ? 'CREATE' : 'ALTER'} ROLE ${client.escapeIdentifier(role)} ` +
          `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${client.escapeLiteral(passwordOf(role))}`,
      );
    }
    await client.query(
      `ALTER DATABASE ${client.escapeIdentifier(database)} OWNER TO ${client.escapeIdentifier(OWNER_ROLE)}`,
    );
    await client.query(handOverPublicObjects(client.escapeLiteral(OWNER_ROLE)));
  } finally {
    await client.end();
  }
  const urlFor = (role: string) => {
    const url = new URL(adminUrl);
    url.username = role;
    url.password = passwordOf(role);
    return url.toString();
  };
  return { migrationDatabaseUrl: urlFor(OWNER_ROLE), databaseUrl: urlFor(RUNTIME_ROLE) };
}

/** Tables, views, free sequences and functions in `public` not yet the owner's (none once adopted). */
function handOverPublicObjects(ownerLiteral: string): string {
  return `DO $$
DECLARE
  owner text := ${ownerLiteral};
  statement text;
BEGIN
  FOR statement IN
    SELECT format('ALTER %s %s OWNER TO %I',
                  CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                 WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
                  c.oid::regclass, owner)
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
      AND c.relowner <> owner::regrole
      -- Sequences of serial and identity columns follow their table; extension objects stay.
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                      AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
    UNION ALL
    SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, owner)
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND p.proowner <> owner::regrole
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                      AND d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE statement;
  END LOOP;
END
$$`;
}
