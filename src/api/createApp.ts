import type { Client } from '@temporalio/client';
import cors from 'cors';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import { loadOfficeProfile } from '../domain/catalog/loadOfficeProfile.js';
import type { OfficeProfile } from '../domain/catalog/officeProfileSchema.js';
import { createLogger, type Logger } from '../logging/logger.js';
import type { Services } from '../services/index.js';
import { notFoundAnswer, publicPages } from '../web/routes/publicPages.js';
import { describeVerificationRoutes } from '../web/routes/verificationRouteSpecs.js';
import { verificationRoutes } from '../web/routes/verificationRoutes.js';
import { type ApiContext, type ApiLifecycle, type ApiSettings, defaultApiSettings } from './apiContext.js';
import { ApiMetrics } from './metrics/apiMetrics.js';
import { identifyCaller } from './middleware/auth.js';
import { errorHandler } from './middleware/errorHandler.js';
import { observeRequests } from './middleware/observeRequests.js';
import { authFailureLimit, officerRateLimit, publicRateLimit } from './middleware/rateLimits.js';
import { ApiRoutes } from './openapi/routeRegistry.js';
import { accessCodeRoutes } from './routes/accessCodes.js';
import { adminOfficerRoutes } from './routes/adminOfficers.js';
import { applicantActionRoutes } from './routes/applicantActions.js';
import { applicationRoutes } from './routes/applications.js';
import { complaintRoutes } from './routes/complaints.js';
import { decisionRoutes } from './routes/decisions.js';
import { documentRoutes } from './routes/documents.js';
import { healthRoutes } from './routes/health.js';
import { inboxRoutes } from './routes/inbox.js';
import { levyRoutes } from './routes/levy.js';
import { metricsRoutes } from './routes/metrics.js';
import { openApiRoutes } from './routes/openApi.js';
import { paymentRoutes } from './routes/payments.js';
import { permitRoutes } from './routes/permits.js';
import { permitTypeRoutes } from './routes/permitTypes.js';
import { statsRoutes } from './routes/stats.js';
import { surveyRoutes } from './routes/survey.js';

export interface ApiDependencies {
  temporal: Client;
  services: Services;
  settings?: Partial<ApiSettings>;
  logger?: Logger;
  lifecycle?: ApiLifecycle;
  /** The office the public pages present; default: data/catalog/office.yaml. */
  office?: OfficeProfile;
}

export interface ApiApp extends Express {
  /** Every declared route, as the OpenAPI document lists them. */
  apiRoutes: ApiRoutes;
}

// Answers with personal data must not be kept by browsers or proxies; public ones opt back in.
const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/**
 * Every Temporal call made while handling the request (in its async context) gets a deadline.
 * The deadline error is not retried by the SDK and is answered 503 (unavailableDependency.ts).
 */
function temporalDeadline(temporal: Client, ms: number): RequestHandler {
  return (_req, _res, next) => {
    temporal.connection.withDeadline(Date.now() + ms, async () => next()).catch(next);
  };
}

/**
 * The HTTP API and the public pages: thin adapters over the service layer. Order matters:
 * request log and metrics first (they see every answer), security headers and CORS, then per
 * /api/v1 the failed-authentication limit, caller identification and the public and per-officer
 * rate limits, then the routes, the public pages (src/web/routes, with their own HTML error
 * answers), a 404 (problem+json under /api/, the HTML page elsewhere), and the error handler
 * that turns everything else into problem+json.
 */
export function createApp(deps: ApiDependencies): ApiApp {
  const settings: ApiSettings = {
    ...defaultApiSettings,
    ...deps.settings,
    rateLimits: { ...defaultApiSettings.rateLimits, ...deps.settings?.rateLimits },
  };
  const logger = deps.logger ?? createLogger('silent');
  const metrics = new ApiMetrics(deps.services.operations, { processMetrics: settings.processMetrics });
  const ctx: ApiContext = {
    temporal: deps.temporal,
    services: deps.services,
    settings,
    metrics,
    logger,
    lifecycle: deps.lifecycle ?? { draining: false },
  };

  const routes = new ApiRoutes();
  healthRoutes(routes, ctx);
  metricsRoutes(routes, ctx);
  openApiRoutes(routes, ctx);
  permitTypeRoutes(routes, ctx);
  documentRoutes(routes, ctx);
  applicationRoutes(routes, ctx);
  decisionRoutes(routes, ctx);
  accessCodeRoutes(routes, ctx);
  applicantActionRoutes(routes, ctx);
  paymentRoutes(routes, ctx);
  levyRoutes(routes, ctx);
  inboxRoutes(routes, ctx);
  adminOfficerRoutes(routes, ctx);
  statsRoutes(routes, ctx);
  surveyRoutes(routes, ctx);
  complaintRoutes(routes, ctx);
  permitRoutes(routes, ctx);
  describeVerificationRoutes(routes);

  const app = express() as ApiApp;
  app.apiRoutes = routes;
  app.disable('x-powered-by');
  // Answers are no-store or short-lived; hashing every body for an ETag would be wasted work.
  app.set('etag', false);
  app.set('trust proxy', settings.trustProxyHops > 0 ? settings.trustProxyHops : false);
  app.use(observeRequests(logger, metrics));
  app.use(
    helmet({
      // JSON answers and script-free pages: nothing may be framed or scripted; a page may load
      // only this server's stylesheet and post its forms here (its SVG chart is inline markup).
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'none'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'"],
          formAction: ["'self'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
        },
      },
    }),
  );
  if (settings.corsOrigins.length > 0) {
    app.use(
      cors({
        origin: settings.corsOrigins,
        methods: ['GET', 'POST', 'PATCH'],
        allowedHeaders: [
          'Authorization',
          'Content-Type',
          'Idempotency-Key',
          'X-Access-Code',
          'Accept-Language',
        ],
        exposedHeaders: ['Location', 'Retry-After', 'X-Request-Id', 'Idempotent-Replayed'],
        maxAge: 600,
      }),
    );
  }
  // One instance for the API and /lacak: wrong access codes count together wherever typed.
  const guessLimit = authFailureLimit(settings);
  app.use(
    '/api/v1',
    noStore,
    temporalDeadline(deps.temporal, settings.temporalDeadlineMs),
    guessLimit,
    identifyCaller(ctx),
    publicRateLimit(settings),
    officerRateLimit(settings),
  );
  app.use(routes.router);
  // Public verification pages (/verifikasi): HTML outside /api/v1, limited per address.
  app.use(verificationRoutes(deps.services, { perMinute: settings.rateLimits.publicPerMinute }));
  const office = deps.office ?? loadOfficeProfile();
  app.use(
    publicPages({
      services: deps.services,
      office,
      botUsername: settings.botUsername,
      logger,
      requestLimit: publicRateLimit(settings),
      guessLimit,
    }),
  );
  app.use(notFoundAnswer(office.shortName));
  app.use(errorHandler(logger));
  return app;
}
