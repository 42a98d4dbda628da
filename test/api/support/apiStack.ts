import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ApiSettings } from '../../../src/api/apiContext.js';
import { type ApiApp, createApp } from '../../../src/api/createApp.js';
import { loadWorkingCalendar } from '../../../src/domain/calendar/loadWorkingCalendar.js';
import { createServices, type Services } from '../../../src/services/index.js';
import { serve } from '../../support/httpServer.js';
import { ADMIN_TOKEN, issueOfficerKeys, PAYMENT_SECRET } from '../../support/officerFixtures.js';
import { type OfficerKey, seedOfficers, testCatalog } from '../../support/permitScenario.js';
import { RecordingChannel } from '../../support/recordingChannel.js';
import {
  type RunningWorker,
  startTestStack,
  TEST_PERMIT_DOCUMENTS,
  type TestStack,
} from '../../support/testStack.js';

export { ADMIN_TOKEN, issueOfficerKeys, PAYMENT_SECRET } from '../../support/officerFixtures.js';

/** Limits so high that only the rate-limit tests (with their own settings) ever meet them. */
export const NO_LIMITS = {
  publicPerMinute: 1_000_000,
  authFailuresPer15Minutes: 1_000_000,
  officerPerMinute: 1_000_000,
};

export interface ApiTestStack {
  stack: TestStack;
  services: Services;
  app: ApiApp;
  url: string;
  channel: RecordingChannel;
  /** Bearer keys of the seeded officers (test/support/permitScenario.ts). */
  keys: Record<OfficerKey, string>;
  dataDir: string;
  /** Another app on the same stack, with other settings (e.g. tight rate limits). */
  serveWith(settings: Partial<ApiSettings>): Promise<{ url: string; app: ApiApp; close(): Promise<void> }>;
  stop(): Promise<void>;
}

/**
 * The real stack of one test file (own schema and task queue on the run's Temporal dev server
 * and PostgreSQL), a worker, the service layer over the test catalog, and the API on loopback.
 */
export async function startApiTestStack(
  name: string,
  options: { settings?: Partial<ApiSettings>; worker?: boolean; channel?: boolean } = {},
): Promise<ApiTestStack> {
  const stack = await startTestStack(name);
  await seedOfficers(stack.pool);
  const keys = await issueOfficerKeys(stack.pool);
  const channel = new RecordingChannel();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'perizinan-api-'));
  const services = createServices({
    pool: stack.pool,
    temporal: stack.client,
    catalog: testCatalog,
    calendar: await loadWorkingCalendar('data/holidays-id.yaml'),
    taskQueue: stack.taskQueue,
    dataDir,
  });
  const build = (settings: Partial<ApiSettings>) =>
    createApp({
      temporal: stack.client,
      services,
      settings: {
        adminToken: ADMIN_TOKEN,
        paymentWebhookSecret: PAYMENT_SECRET,
        rateLimits: NO_LIMITS,
        ...settings,
      },
    });
  const app = build(options.settings ?? {});
  const server = await serve(app);
  // Started once the API listens: the QR codes of permits it issues point at this server.
  const worker: RunningWorker | null =
    options.worker === false
      ? null
      : await stack.startWorker({
          // `channel: false` runs the worker as a deployment without a bot token: notices stay in the outbox.
          ...(options.channel === false ? {} : { channel }),
          permitDocuments: { ...TEST_PERMIT_DOCUMENTS, publicBaseUrl: server.url },
        });
  const extra: { close(): Promise<void> }[] = [];
  return {
    stack,
    services,
    app,
    url: server.url,
    channel,
    keys,
    dataDir,
    async serveWith(settings) {
      const other = build(settings);
      const served = await serve(other);
      extra.push(served);
      return { url: served.url, app: other, close: served.close };
    },
    async stop() {
      for (const s of extra) await s.close().catch(() => {});
      await server.close();
      await worker?.stop();
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
