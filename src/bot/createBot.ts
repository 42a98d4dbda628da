import { autoRetry } from '@grammyjs/auto-retry';
import { conversations, createConversation } from '@grammyjs/conversations';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type Context, session } from 'grammy';
import type { Logger } from '../logging/logger.js';
import type { Services } from '../services/index.js';
import type { BotStorage } from './botStorage.js';
import { CallbackTokens } from './callbackTokens.js';
import type { BotContext, BotDependencies, ConversationContext } from './context.js';
import { applyFeature } from './features/apply.js';
import { applyConversation } from './features/applyConversation.js';
import { cancelFeature } from './features/cancel.js';
import { complaintFeature } from './features/complaint.js';
import { complaintAnswerConversation } from './features/complaintAnswerConversation.js';
import { complaintConversation } from './features/complaintConversation.js';
import { complaintReopenConversation } from './features/complaintReopenConversation.js';
import { complaintStatusFeature } from './features/complaintStatus.js';
import { complaintStatusConversation } from './features/complaintStatusConversation.js';
import { fallbackFeature } from './features/fallback.js';
import { helpFeature } from './features/help.js';
import { languageFeature } from './features/language.js';
import { managerSlaFeature } from './features/managerSla.js';
import { mineFeature } from './features/mine.js';
import { officerDecisionsFeature } from './features/officerDecisions.js';
import { officerInboxFeature } from './features/officerInbox.js';
import { officerNoteConversation } from './features/officerNoteConversation.js';
import { revisionFeature } from './features/revision.js';
import { revisionConversation } from './features/revisionConversation.js';
import { startFeature } from './features/start.js';
import { statusFeature } from './features/status.js';
import { surveyFeature } from './features/survey.js';
import { surveyConversation } from './features/surveyConversation.js';
import { withdrawFeature } from './features/withdraw.js';
import { createI18n } from './i18n.js';
import { resolveCallbacks } from './resolveCallbacks.js';
import { safeError } from './safeError.js';
import { skipSeenUpdates } from './seenUpdates.js';
import { skipUnchangedWrites } from './unchangedSessions.js';

/** Bump when a conversation's steps change: stored conversations of an older shape are dropped. */
const CONVERSATION_VERSION = 1;

/** A conversation left unanswered this long is closed at the user's next message. */
const CONVERSATION_IDLE_MS = 7 * 24 * 60 * 60 * 1000;

export interface CreateBotOptions {
  token: string;
  /** Bot API root: Telegram, a self-hosted Bot API server or a test emulator. */
  apiRoot: string;
  services: Services;
  /** The bot's own state (conversations, profiles, buttons, updates seen). */
  storage: BotStorage;
  logger: Logger;
}

/** 429 answers wait `retry_after` and try again; bounded, so a handler never hangs for long. */
const retryOn429 = () => autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 15 });

/**
 * The bot: a thin adapter over the service layer. Middleware order matters: per-chat ordering,
 * one take of each update, private chats only, session and language, buttons resolved, then
 * /cancel, the conversations, the features and a polite fallback.
 */
const BILINGUAL_APOLOGY =
  'Maaf, terjadi gangguan. Silakan coba lagi sebentar lagi.\n' +
  'Sorry, something went wrong. Please try again in a moment.';

export function createBot(options: CreateBotOptions): Bot<BotContext> {
  const bot = new Bot<BotContext>(options.token, { client: { apiRoot: options.apiRoot } });
  bot.api.config.use(retryOn429());
  const deps: BotDependencies = {
    services: options.services,
    tokens: new CallbackTokens(options.storage.callbackTokens),
    i18n: createI18n(),
    apiRoot: options.apiRoot,
    botToken: options.token,
    logger: options.logger,
  };

  // Updates of one chat are handled one after another (long polling runs chats in parallel).
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
  bot.use(skipSeenUpdates(options.storage));
  bot.use(async (ctx, next) => {
    // Department group chats only receive notifications; the bot talks in private chats.
    if (ctx.chat?.type === 'private' && ctx.from) await next();
  });
  bot.use(
    session({
      initial: () => ({}),
      getSessionKey: (ctx) => ctx.from?.id.toString(),
      storage: skipUnchangedWrites(options.storage.profiles, () => ({})),
    }),
  );
  bot.use(deps.i18n);
  bot.use(resolveCallbacks(deps));
  bot.use(
    conversations<BotContext, ConversationContext>({
      storage: {
        type: 'key',
        version: CONVERSATION_VERSION,
        prefix: 'chat:',
        adapter: options.storage.conversations,
      },
      plugins: [
        async (ctx, next) => {
          ctx.api.config.use(retryOn429());
          await next();
        },
      ],
    }),
  );
  bot.use(cancelFeature());
  const idle = { maxMillisecondsToWait: CONVERSATION_IDLE_MS };
  bot.use(createConversation(applyConversation(deps), { id: 'apply', ...idle }));
  bot.use(createConversation(officerNoteConversation(deps), { id: 'officerNote', ...idle }));
  bot.use(createConversation(revisionConversation(deps), { id: 'revision', ...idle }));
  bot.use(createConversation(surveyConversation(deps), { id: 'survey', ...idle }));
  bot.use(createConversation(complaintConversation(deps), { id: 'complaint', ...idle }));
  bot.use(createConversation(complaintAnswerConversation(deps), { id: 'complaintAnswer', ...idle }));
  bot.use(createConversation(complaintStatusConversation(deps), { id: 'complaintStatus', ...idle }));
  bot.use(createConversation(complaintReopenConversation(deps), { id: 'complaintReopen', ...idle }));

  bot.use(
    startFeature(deps),
    languageFeature(deps),
    helpFeature(deps),
    applyFeature(deps),
    statusFeature(deps),
    mineFeature(deps),
    withdrawFeature(deps),
    officerInboxFeature(deps),
    officerDecisionsFeature(deps),
    managerSlaFeature(deps),
    revisionFeature(deps),
    surveyFeature(deps),
    complaintFeature(deps),
    complaintStatusFeature(deps),
    fallbackFeature(),
  );

  bot.catch(async (error) => {
    // Never the update itself: it may hold a NIK or an access code.
    options.logger.error(
      { error: safeError(error.error), updateId: error.ctx.update.update_id },
      'the bot failed to handle an update',
    );
    // Before the language is known (the session is read from the database, which may be the
    // very thing that failed) the apology goes out in both languages.
    const apology = typeof error.ctx.t === 'function' ? error.ctx.t('error-generic') : BILINGUAL_APOLOGY;
    try {
      await error.ctx.reply(apology);
    } catch {
      // The chat may be gone; the error is logged.
    }
  });

  return bot;
}
