import { boot } from '../runtime/boot.js';
import { requireExternalInfrastructure } from '../runtime/infrastructure.js';
import { openPool, startApiRole } from '../runtime/roles.js';

// `npm run start:api`: the HTTP API for production; stateless, many may run behind a balancer.
await boot('api', async ({ config, logger, stops }) => {
  const infra = requireExternalInfrastructure(config, 'api');
  const pool = openPool(infra, stops);
  await startApiRole(config, infra, pool, logger, stops);
});
