import { z } from 'zod';
import type { ApiContext } from '../apiContext.js';
import type { ApiRoutes } from '../openapi/routeRegistry.js';
import { RETRY_AFTER_SECONDS } from '../problems/errorToProblem.js';

// Public: names and states only. Why a check failed (addresses, driver messages, migration
// names) goes to the log, not to whoever asks.
const checkSchema = z.object({ ok: z.boolean() });
const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  failed: z.array(z.string()).optional(),
  checks: z.record(z.string(), checkSchema),
});

type Check = { ok: boolean; error?: string };

/** The checks as answered (states only); failures are logged with their reasons. */
function publicChecks(ctx: Pick<ApiContext, 'logger'>, probe: string, checks: Record<string, Check>) {
  const failures = Object.fromEntries(
    Object.entries(checks).flatMap(([name, c]) => (c.ok ? [] : [[name, c.error ?? 'failed']])),
  );
  if (Object.keys(failures).length > 0) ctx.logger.warn({ probe, failures }, 'health check failed');
  return {
    failed: Object.keys(failures),
    checks: Object.fromEntries(Object.entries(checks).map(([name, c]) => [name, { ok: c.ok }])),
  };
}

/** GET /healthz: 200 when Postgres and Temporal answer, 503 naming the one that failed. */
export function healthRoutes(
  routes: ApiRoutes,
  ctx: Pick<ApiContext, 'services' | 'lifecycle' | 'logger'>,
): void {
  routes.add(
    {
      method: 'get',
      path: '/healthz',
      operationId: 'health',
      summary: 'Liveness with dependency checks (Postgres, Temporal)',
      tags: ['operations'],
      responses: {
        200: { description: 'Both dependencies answer', schema: healthSchema },
        503: { description: 'A dependency does not answer (named in `failed`)', schema: healthSchema },
      },
    },
    async (_req, res) => {
      const health = await ctx.services.operations.checkDependencies();
      const { failed, checks } = publicChecks(ctx, 'healthz', health.checks);
      if (!health.healthy) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      res.status(health.healthy ? 200 : 503).json({
        status: health.healthy ? 'ok' : 'unavailable',
        ...(failed.length > 0 ? { failed } : {}),
        checks,
      });
    },
  );
  routes.add(
    {
      method: 'get',
      path: '/readyz',
      operationId: 'readiness',
      summary: 'Ready for traffic: dependencies answer, the schema is migrated, not shutting down',
      tags: ['operations'],
      responses: {
        200: { description: 'Ready', schema: healthSchema },
        503: { description: 'Not ready (named in `failed`)', schema: healthSchema },
      },
    },
    async (_req, res) => {
      const [health, pending] = await Promise.all([
        ctx.services.operations.checkDependencies(),
        ctx.services.operations.pendingMigrations().catch((error: unknown) => error as Error),
      ]);
      const schema =
        pending instanceof Error
          ? { ok: false, error: 'could not read the migration table' }
          : pending.length > 0
            ? { ok: false, error: `pending migrations: ${pending.join(', ')}` }
            : { ok: true };
      const { failed, checks } = publicChecks(ctx, 'readyz', {
        ...health.checks,
        schema,
        lifecycle: ctx.lifecycle.draining ? { ok: false, error: 'shutting down' } : { ok: true },
      });
      if (failed.length > 0) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      res.status(failed.length === 0 ? 200 : 503).json({
        status: failed.length === 0 ? 'ok' : 'unavailable',
        ...(failed.length > 0 ? { failed } : {}),
        checks,
      });
    },
  );
}
