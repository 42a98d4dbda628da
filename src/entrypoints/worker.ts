import { runMigrations } from '../db/migrate.js';
import { boot } from '../runtime/boot.js';
import { requireExternalInfrastructure } from '../runtime/infrastructure.js';
import { openPool, startWorkerRole } from '../runtime/roles.js';

// `npm run start:worker`: a worker process for production; many may run side by side.
await boot('worker', async ({ config, logger, stops }) => {
  const infra = requireExternalInfrastructure(config, 'worker');
  await runMigrations({
    databaseUrl: infra.migrationDatabaseUrl,
    runtimeDatabaseUrl: infra.databaseUrl,
  });
  const pool = openPool(infra, stops);
  await startWorkerRole(config, infra, pool, logger, stops);
});
