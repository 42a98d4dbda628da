import type { ConversationFlavor } from '@grammyjs/conversations';
import type { I18n, I18nFlavor } from '@grammyjs/i18n';
import type { Context, SessionFlavor } from 'grammy';
import type { Logger } from '../logging/logger.js';
import type { Services } from '../services/index.js';
import type { CallbackAction } from './callbackActions.js';
import type { CallbackTokens } from './callbackTokens.js';

export type Language = 'id' | 'en';

/** What the bot remembers per Telegram user (stored in bot_users). */
export interface UserProfile {
  language?: Language;
  privacyConsentAt?: string;
  privacyNoticeVersion?: string;
}

interface BotFlavor {
  /** What the pressed inline button means, resolved from its token (undefined: none or unknown). */
  callbackAction?: CallbackAction | undefined;
}

/** The context of the main middleware tree. */
export type BotContext = ConversationFlavor<Context & SessionFlavor<UserProfile> & I18nFlavor & BotFlavor>;

/** Inside conversations: fresh context objects rebuilt at each replay, without the plugins above. */
export type ConversationContext = Context;

export interface BotDependencies {
  services: Services;
  tokens: CallbackTokens;
  i18n: I18n<BotContext>;
  /** Bot API root and token, to download files sent by applicants. */
  apiRoot: string;
  botToken: string;
  logger: Logger;
}
