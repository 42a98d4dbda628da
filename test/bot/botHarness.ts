import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createBot } from '../../src/bot/createBot.js';
import { type PollingBot, startPolling } from '../../src/bot/runBot.js';
import { TelegramChannel } from '../../src/bot/telegramChannel.js';
import { createPool } from '../../src/db/pool.js';
import { loadWorkingCalendar } from '../../src/domain/calendar/loadWorkingCalendar.js';
import type { PermitCatalog } from '../../src/domain/catalog/catalogSchema.js';
import { createLogger } from '../../src/logging/logger.js';
import { botStorageOver } from '../../src/runtime/botStorage.js';
import { createServices, permitDocumentReader, type Services } from '../../src/services/index.js';
import { BotApiEmulator } from '../support/botApiEmulator.js';
import { APPLICANT_CHAT, seedOfficers, testCatalog, VALID_NIK } from '../support/permitScenario.js';
import { type RunningWorker, startTestStack, type TestStack } from '../support/testStack.js';

/**
 * The real bot over HTTP against the Bot API emulator, with the real workflow, worker and
 * Postgres: the worker's notification channel is the Telegram channel pointed at the emulator.
 */
export interface BotHarness {
  stack: TestStack;
  emulator: BotApiEmulator;
  services: Services;
  worker: RunningWorker;
  dataDir: string;
  /** Starts (or restarts) the bot with long polling. */
  startBot(): Promise<PollingBot>;
  stopBot(): Promise<void>;
  stop(): Promise<void>;
}

export const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'error', { role: 'bot-test' });

export async function startBotHarness(
  name: string,
  options: { catalog?: PermitCatalog } = {},
): Promise<BotHarness> {
  const catalog = options.catalog ?? testCatalog;
  const stack = await startTestStack(name);
  await seedOfficers(stack.pool);
  const emulator = await BotApiEmulator.start();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'perizinan-bot-'));
  // The bot and its service layer have a pool of their own, as in a separate process: the
  // worker's activities do not wait behind the bot's queries for one of a few connections.
  const botPool = createPool(stack.databaseUrl, { schema: stack.schema, max: 5 });
  const services = createServices({
    pool: botPool,
    temporal: stack.client,
    catalog,
    calendar: await loadWorkingCalendar('data/holidays-id.yaml'),
    taskQueue: stack.taskQueue,
    dataDir,
  });
  const channel = new TelegramChannel({
    botToken: emulator.token,
    apiRoot: emulator.apiRoot,
    storage: botStorageOver(stack.pool),
    catalog,
    permitDocumentOf: permitDocumentReader(stack.pool),
  });
  const worker = await stack.startWorker({ channel });
  let running: PollingBot | undefined;

  const stopBot = async () => {
    await running?.stop();
    running = undefined;
  };
  return {
    stack,
    emulator,
    services,
    worker,
    dataDir,
    async startBot() {
      const bot = createBot({
        token: emulator.token,
        apiRoot: emulator.apiRoot,
        services,
        storage: botStorageOver(botPool),
        logger,
      });
      running = await startPolling(bot, logger);
      return running;
    },
    stopBot,
    async stop() {
      await stopBot();
      await botPool.end();
      await worker.stop();
      await emulator.stop();
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Smallest files whose first bytes say what they are (the store checks content, not names). */
export const samplePdf = () => Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const sampleJpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);

/** A TEST-FREE file of the citizen's (APPLICANT_CHAT), with a real stored KTP, submitted through the service. */
export async function fileWithStoredKtp(h: BotHarness): Promise<string> {
  const stored = await h.services.documents.storeUpload('TEST-FREE', 'ktp', Readable.from([samplePdf()]));
  const { registrationNumber } = await h.services.intake.submit({
    permitTypeCode: 'TEST-FREE',
    formData: { applicantNik: VALID_NIK, fullName: 'Siti Rahmawati' },
    documents: [{ kind: 'ktp', sha256: stored.sha256, uploadToken: stored.uploadToken }],
    channel: 'telegram',
    idempotencyKey: randomUUID(),
    applicantTelegramUserId: APPLICANT_CHAT,
  });
  return registrationNumber;
}
