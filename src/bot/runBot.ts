import { createHmac } from 'node:crypto';
import { type RunnerHandle, run } from '@grammyjs/runner';
import express, { type Express, type RequestHandler } from 'express';
import { type Bot, webhookCallback } from 'grammy';
import type { Logger } from '../logging/logger.js';
import { registerDefaultCommands } from './commands.js';
import type { BotContext } from './context.js';
import { createI18n } from './i18n.js';
import { safeError } from './safeError.js';

/** The updates the bot handles; everything else is not even fetched. */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

export const WEBHOOK_PATH = '/telegram/webhook';

/** Connects to the Bot API (getMe) and sets the default command menus. */
async function prepare(bot: Bot<BotContext>, logger: Logger): Promise<void> {
  await bot.init();
  await registerDefaultCommands(bot.api, createI18n()).catch((error) =>
    logger.warn({ error: safeError(error) }, 'could not set the default command menus'),
  );
}

export interface PollingBot {
  stop(): Promise<void>;
}

/** Long polling with @grammyjs/runner: chats in parallel, each chat in order (sequentialize). */
export async function startPolling(bot: Bot<BotContext>, logger: Logger): Promise<PollingBot> {
  await prepare(bot, logger);
  await bot.api.deleteWebhook();
  const runner: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES } } });
  logger.info({ username: bot.botInfo.username }, 'Telegram bot polling for updates');
  return {
    stop: async () => {
      if (runner.isRunning()) await runner.stop();
    },
  };
}

/** The secret Telegram sends back on each webhook call: configured, or derived from the token. */
export function webhookSecret(botToken: string, configured: string | undefined): string {
  return configured ?? createHmac('sha256', botToken).update('telegram-webhook-secret').digest('base64url');
}

/**
 * Webhook mode: registers PUBLIC_URL + WEBHOOK_PATH with Telegram and returns the handler the
 * HTTP server mounts. Calls without the secret header are refused (401) by grammY.
 */
export async function startWebhook(
  bot: Bot<BotContext>,
  logger: Logger,
  options: { publicUrl: string; secret: string },
): Promise<RequestHandler> {
  await prepare(bot, logger);
  const url = new URL(WEBHOOK_PATH, options.publicUrl).toString();
  await bot.api.setWebhook(url, { secret_token: options.secret, allowed_updates: ALLOWED_UPDATES });
  logger.info({ url }, 'Telegram bot receiving updates by webhook');
  return webhookHandler(bot, options.secret);
}

/** The express handler for webhook calls (JSON body parsed here). */
export function webhookHandler(bot: Bot<BotContext>, secret: string): RequestHandler {
  const router = express.Router();
  router.post(
    WEBHOOK_PATH,
    express.json({ limit: '1mb' }),
    // Answer Telegram within its patience; a slow decision finishes after the answer.
    webhookCallback(bot, 'express', { secretToken: secret, onTimeout: 'return', timeoutMilliseconds: 8_000 }),
  );
  return router;
}

/** Puts the webhook route in front of an app (the HTTP API) without touching its routers. */
export function withTelegramWebhook(app: Express, handler: RequestHandler): Express {
  const root = express();
  root.disable('x-powered-by');
  root.use(handler);
  root.use(app);
  return root;
}
