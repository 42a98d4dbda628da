import type { RequestHandler } from 'express';
import { createBot } from '../bot/createBot.js';
import { startPolling, startWebhook, webhookSecret } from '../bot/runBot.js';
import { TelegramChannel } from '../bot/telegramChannel.js';
import type { AppConfig } from '../config/config.js';
import type { Pool } from '../db/pool.js';
import { loadCatalog } from '../domain/catalog/loadCatalog.js';
import type { Logger } from '../logging/logger.js';
import type { NotificationChannel } from '../notifications/notificationChannel.js';
import { permitDocumentReader, type Services } from '../services/index.js';
import { botStorageOver } from './botStorage.js';
import type { StopStack } from './stopStack.js';

// The Telegram parts of each role. Without TELEGRAM_BOT_TOKEN everything else runs and the log
// says the bot is off; notifications then wait in the outbox.

/** The worker's notification channel, or undefined (notifications stay pending) without a token. */
export function telegramChannelFor(
  config: AppConfig,
  pool: Pool,
  logger: Logger,
): NotificationChannel | undefined {
  const token = config.telegram.botToken;
  if (!token) {
    logger.info('Telegram bot is off (TELEGRAM_BOT_TOKEN is not set): notifications wait in the outbox');
    return undefined;
  }
  return new TelegramChannel({
    botToken: token,
    apiRoot: config.telegram.apiRoot,
    storage: botStorageOver(pool),
    catalog: loadCatalog(config.permitCatalogPath),
    permitDocumentOf: permitDocumentReader(pool),
  });
}

function botFor(config: AppConfig, token: string, pool: Pool, services: Services, logger: Logger) {
  return createBot({
    token,
    apiRoot: config.telegram.apiRoot,
    services,
    storage: botStorageOver(pool),
    logger: logger.child({ component: 'telegram-bot' }),
  });
}

/**
 * Webhook mode (TELEGRAM_BOT_TOKEN and PUBLIC_URL set): registers the webhook and returns the
 * handler the API role mounts in front of its routes. Null in any other case.
 */
export async function telegramWebhookFor(
  config: AppConfig,
  pool: Pool,
  services: Services,
  logger: Logger,
): Promise<RequestHandler | null> {
  const { botToken, publicUrl } = config.telegram;
  if (!botToken || !publicUrl) return null;
  const bot = botFor(config, botToken, pool, services, logger);
  return startWebhook(bot, logger, {
    publicUrl,
    secret: webhookSecret(botToken, config.telegram.webhookSecret),
  });
}

/** Long-polling mode: the default when PUBLIC_URL is not set. */
export async function startTelegramPolling(
  config: AppConfig,
  token: string,
  pool: Pool,
  services: Services,
  logger: Logger,
  stops: StopStack,
): Promise<void> {
  const bot = botFor(config, token, pool, services, logger);
  const polling = await startPolling(bot, logger);
  stops.push('telegram bot', polling.stop);
}
