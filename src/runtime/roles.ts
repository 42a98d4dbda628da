import type { Server } from 'node:http';
import type { Worker } from '@temporalio/worker';
import { createApp } from '../api/createApp.js';
import type { AppConfig } from '../config/config.js';
import { createPool, type Pool } from '../db/pool.js';
import { loadWorkingCalendar } from '../domain/calendar/loadWorkingCalendar.js';
import type { Logger } from '../logging/logger.js';
import { connectClient, connectWorker } from '../temporal/connections.js';
import { createWorker } from '../worker/createWorker.js';
import type { Infrastructure } from './infrastructure.js';
import type { StopStack } from './stopStack.js';

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
  const connection = await connectWorker(infra.temporal);
  stops.push('worker connection', () => connection.close());
  const worker = await createWorker({
    connection,
    namespace: infra.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    deps: { pool, calendar },
  });
  const running = worker.run();
  running.catch((error) => logger.error({ err: error }, 'worker stopped with an error'));
  stops.push('worker', async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running.catch(() => {});
  });
  logger.info({ taskQueue: config.temporal.taskQueue }, 'worker running');
  return worker;
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
  const app = createApp({ pool, temporal: temporal.client });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  stops.push(
    'http server',
    () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  );
  logger.info({ port: config.port }, 'HTTP API listening');
  return server;
}
