import type { Server } from 'node:http';
import { Client } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import { createApp } from '../api/createApp.js';
import { withTelegramWebhook } from '../bot/runBot.js';
import type { AppConfig } from '../config/config.js';
import { createPool, type Pool } from '../db/pool.js';
import { loadWorkingCalendar } from '../domain/calendar/loadWorkingCalendar.js';
import { loadCatalog } from '../domain/catalog/loadCatalog.js';
import { loadOfficeProfile } from '../domain/catalog/loadOfficeProfile.js';
import type { Logger } from '../logging/logger.js';
import { levyNoticePreparer } from '../notifications/levyNotices.js';
import { createServices, type Services } from '../services/index.js';
import { connectClient, connectWorker } from '../temporal/connections.js';
import { createWorker } from '../worker/createWorker.js';
import { startIntakeReconciler } from '../worker/intakeReconciler.js';
import { startLevyAssessor } from '../worker/levyAssessor.js';
import { startOutboxDispatcher } from '../worker/outboxDispatcher.js';
import { startStatsAggregator } from '../worker/statsAggregator.js';
import { startUploadCleanup } from '../worker/uploadCleanup.js';
import type { Infrastructure } from './infrastructure.js';
import type { StopStack } from './stopStack.js';
import { startTelegramPolling, telegramChannelFor, telegramWebhookFor } from './telegramRole.js';

export function openPool(infra: Infrastructure, stops: StopStack): Pool {
  const pool = createPool(infra.databaseUrl);
  stops.push('postgres pool', () => pool.end());
  return pool;
}

/** Runs a worker until stopped; stopping drains in-flight tasks before returning. */
export async function startWorkerRole(
  config: AppConfig,
  infra: Infrastructure,
  pool: Pool,
  logger: Logger,
  stops: StopStack,
): Promise<Worker> {
  const calendar = await loadWorkingCalendar(config.holidayCalendarPath);
  const catalog = loadCatalog(config.permitCatalogPath);
  const connection = await connectWorker(infra.temporal);
  stops.push('worker connection', () => connection.close());
  const channel = telegramChannelFor(config, pool, logger);
  const levy = { catalog: loadCatalog(config.permitCatalogPath), office: loadOfficeProfile() };
  // Without a channel (no bot token) notices wait in the outbox until a worker with one runs.
  const dispatcher = channel
    ? startOutboxDispatcher({
        pool,
        channel,
        // Payment requests carry the SKRD (issued by the levy job below, or here if it has not yet).
        prepare: levyNoticePreparer(levy),
        onError: (error) => logger.warn({ err: error }, 'outbox delivery round failed; retrying next round'),
        // The event key names the file and the notice; the error is the Bot API's, never a token.
        onNoticeFailed: (failure) =>
          logger.warn(failure, 'notice not delivered; retrying after its back-off'),
      })
    : undefined;
  if (dispatcher) stops.push('outbox dispatcher', dispatcher.stop);
  // Every file at its payment stage gets its SKRD, whatever the channels; woken with the dispatcher.
  const levyAssessor = startLevyAssessor(
    { pool, ...levy },
    {
      onIssued: (registrationNumbers) =>
        logger.info({ registrationNumbers }, 'issued levy assessments (SKRD)'),
      onFileFailed: (error, registrationNumber) =>
        logger.warn({ err: error, registrationNumber }, 'levy assessment failed; retrying next round'),
      onError: (error) => logger.warn({ err: error }, 'levy assessment pass failed; retrying next round'),
    },
  );
  stops.push('levy assessor', levyAssessor.stop);
  // Files whose submission never got its workflow (the caller gave up during an outage) get it.
  const reconciler = startIntakeReconciler(
    {
      pool,
      temporal: new Client({ connection, namespace: infra.temporal.namespace }),
      catalog,
      calendar,
      taskQueue: config.temporal.taskQueue,
    },
    {
      onCompleted: (registrationNumbers) =>
        logger.warn(
          { registrationNumbers },
          'started the workflows of files whose intake was left unfinished',
        ),
      onError: (error, registrationNumber) =>
        logger.warn({ err: error, registrationNumber }, 'intake reconciliation failed; retrying next round'),
    },
  );
  stops.push('intake reconciler', reconciler.stop);
  // The public statistics' working days to a decision and files past their deadline.
  const stats = startStatsAggregator(
    { pool, calendar },
    { onError: (error) => logger.warn({ err: error }, 'public statistics pass failed; retrying next round') },
  );
  stops.push('stats aggregator', stats.stop);
  // Uploads never attached to a file are deleted after 24 hours.
  const uploads = startUploadCleanup(
    { pool, dataDir: config.dataDir },
    {
      onRemoved: (removed) => logger.info(removed, 'deleted uploads never attached to a file'),
      onError: (error) => logger.warn({ err: error }, 'upload clean-up failed; retrying next round'),
    },
  );
  stops.push('upload clean-up', uploads.stop);
  const worker = await createWorker({
    connection,
    namespace: infra.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    maxCachedWorkflows: config.worker.maxCachedWorkflows,
    deps: {
      pool,
      calendar,
      onNoticesQueued: () => {
        levyAssessor.wake();
        dispatcher?.wake();
      },
      permitDocuments: {
        catalog,
        office: loadOfficeProfile(config.officeProfilePath),
        publicBaseUrl: config.publicBaseUrl,
      },
    },
  });
  const running = worker.run();
  running.catch((error) => logger.error({ err: error }, 'worker stopped with an error'));
  stops.push('worker', async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running.catch(() => {});
  });
  logger.info(
    { taskQueue: config.temporal.taskQueue, maxCachedWorkflows: config.worker.maxCachedWorkflows },
    'worker running',
  );
  return worker;
}

/** The one service layer, as both adapters (API and bot) use it. */
export async function buildServices(config: AppConfig, pool: Pool, temporal: Client): Promise<Services> {
  return createServices({
    pool,
    temporal,
    catalog: loadCatalog(config.permitCatalogPath),
    calendar: await loadWorkingCalendar(config.holidayCalendarPath),
    taskQueue: config.temporal.taskQueue,
    dataDir: config.dataDir,
    uploadBytesPerAddressPerHour: config.uploadBytesPerAddressPerHour,
    statsCacheTtlMs: config.statsCacheTtlMs,
    office: loadOfficeProfile(config.officeProfilePath),
  });
}

export async function startApiRole(
  config: AppConfig,
  infra: Infrastructure,
  pool: Pool,
  logger: Logger,
  stops: StopStack,
): Promise<Server> {
  const temporal = await connectClient(infra.temporal);
  stops.push('temporal client', temporal.close);
  const services = await buildServices(config, pool, temporal.client);
  const lifecycle = { draining: false };
  const app = createApp({
    temporal: temporal.client,
    services,
    logger: logger.child({ component: 'http' }),
    lifecycle,
    settings: {
      adminToken: config.adminToken,
      paymentWebhookSecret: config.api.paymentWebhookSecret,
      corsOrigins: config.api.corsOrigins,
      trustProxyHops: config.api.trustProxyHops,
      rateLimits: config.api.rateLimits,
      processMetrics: true,
      botUsername: config.telegram.botUsername,
    },
  });
  // Webhook mode: Telegram's calls are served in front of the API's own routes.
  const webhook = await telegramWebhookFor(config, pool, services, logger);
  const served = webhook ? withTelegramWebhook(app, webhook) : app;
  const server = await new Promise<Server>((resolve, reject) => {
    const s = served.listen(config.port, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  stops.push(
    'http server',
    () =>
      new Promise((resolve) => {
        // Load balancers see /readyz fail first; in-flight requests finish, idle ones close.
        lifecycle.draining = true;
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  );
  logger.info({ port: config.port }, 'HTTP API listening');
  return server;
}

/**
 * The Telegram bot with long polling. Off without TELEGRAM_BOT_TOKEN; with PUBLIC_URL set the
 * bot runs in webhook mode inside the API role instead, so there is nothing to start here.
 */
export async function startBotRole(
  config: AppConfig,
  infra: Infrastructure,
  pool: Pool,
  logger: Logger,
  stops: StopStack,
): Promise<'polling' | 'webhook' | 'off'> {
  const token = config.telegram.botToken;
  if (!token) {
    logger.info('Telegram bot is off: TELEGRAM_BOT_TOKEN is not set');
    return 'off';
  }
  if (config.telegram.publicUrl) {
    logger.info('Telegram bot runs in webhook mode inside the HTTP API (PUBLIC_URL is set)');
    return 'webhook';
  }
  const temporal = await connectClient(infra.temporal);
  stops.push('bot temporal client', temporal.close);
  const services = await buildServices(config, pool, temporal.client);
  await startTelegramPolling(config, token, pool, services, logger, stops);
  return 'polling';
}
