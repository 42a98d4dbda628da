import type { Client } from '@temporalio/client';
import { Router } from 'express';
import type { Pool } from '../../db/pool.js';
import { checkDependencies } from '../../services/dependencyHealth.js';

/** GET /healthz: 200 when Postgres and Temporal answer, 503 naming the one that failed. */
export function healthRoutes(deps: { pool: Pool; temporal: Client }): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    const health = await checkDependencies(deps);
    const failed = Object.entries(health.checks)
      .filter(([, c]) => !c.ok)
      .map(([name]) => name);
    if (!health.healthy) res.setHeader('Retry-After', '5');
    res.status(health.healthy ? 200 : 503).json({
      status: health.healthy ? 'ok' : 'unavailable',
      ...(failed.length > 0 ? { failed } : {}),
      checks: health.checks,
    });
  });
  return router;
}
