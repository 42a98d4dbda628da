import { runMigrations } from './db/migrate.js';
import { boot } from './runtime/boot.js';
import { provideInfrastructure } from './runtime/infrastructure.js';
import { openPool, startApiRole, startBotRole, startWorkerRole } from './runtime/roles.js';

// `npm start`: everything on one machine — embedded PostgreSQL and Temporal dev server unless
// DATABASE_URL / TEMPORAL_ADDRESS point elsewhere, migrations, the worker, the HTTP API and the
// Telegram bot (long polling, or webhook inside the API when PUBLIC_URL is set; off without a token).
// The embedded servers are restarted when they crash; one that cannot be brought back ends the
// process with exit code 1, so a supervisor around `npm start` (systemd, Docker) takes over.
await boot('all-in-one', async ({ config, logger, stops, abort }) => {
  const infra = await provideInfrastructure(config, logger, stops, abort);
  const applied = await runMigrations({
    databaseUrl: infra.migrationDatabaseUrl,
    runtimeDatabaseUrl: infra.databaseUrl,
  });
  logger.info({ applied }, applied.length > 0 ? 'migrations applied' : 'database schema up to date');
  const pool = openPool(infra, stops);
  await startWorkerRole(config, infra, pool, logger, stops);
  await startApiRole(config, infra, pool, logger, stops);
  await startBotRole(config, infra, pool, logger, stops);
  logger.info({ url: `http://localhost:${config.port}/healthz` }, 'Perizinan Online is up');
});
