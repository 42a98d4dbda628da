import { autoRetry } from '@grammyjs/auto-retry';
import type { I18n } from '@grammyjs/i18n';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import { Api, GrammyError, InputFile } from 'grammy';
import { findPermitType } from '../domain/catalog/catalogLookup.js';
import type { PermitCatalog } from '../domain/catalog/catalogSchema.js';
import { permitPdfFileName } from '../domain/permits/permitFileName.js';
import type {
  NotificationChannel,
  OutgoingDigest,
  OutgoingNotification,
  SendOutcome,
} from '../notifications/notificationChannel.js';
import type { PermitPdf } from '../services/index.js';
import type { BotStorage } from './botStorage.js';
import { BUTTON_TTL } from './callbackActions.js';
import { CallbackTokens } from './callbackTokens.js';
import type { BotContext } from './context.js';
import { createI18n, translator } from './i18n.js';
import { renderDigest, renderNotification } from './notificationText.js';

export interface TelegramChannelOptions {
  botToken: string;
  apiRoot: string;
  /** The recipients' chosen languages and the buttons' tokens. */
  storage: Pick<BotStorage, 'callbackTokens' | 'languageOfChat'>;
  catalog: PermitCatalog;
  i18n?: I18n<BotContext>;
  /** Longest `retry_after` waited in place; longer ones fail the send, and the activity retries later. */
  maxRetryAfterSeconds?: number;
  /** The file's issued permit PDF, attached to the applicant's issue notice (absent: text only). */
  permitDocumentOf?: (registrationNumber: string) => Promise<PermitPdf | null>;
}

/** Telegram's limit on a document's caption. */
const CAPTION_LIMIT = 1024;
/** Notices to the applicant that carry the permit document when it exists. */
const WITH_PERMIT_DOCUMENT: ReadonlySet<string> = new Set(['issued', 'deemed_approved']);

/** Telegram's answers that mean the chat will not receive anything from the bot. */
function isUnreachableChat(error: unknown): boolean {
  if (!(error instanceof GrammyError)) return false;
  if (error.error_code === 403) return true; // blocked by the user, deactivated, kicked from the group
  return error.error_code === 400 && /chat not found|user not found|PEER_ID_INVALID/i.test(error.description);
}

/**
 * Notifications over the Bot API, rendered from the locale files in the recipient's language.
 * Within Telegram's limits: a global rate under the bulk limit (30/s) and about one message a
 * second per chat (20 a minute per group), through one throttler per process; a 429 waits its
 * `retry_after` and tries again. A chat that blocked the bot answers 'blocked' (recorded by the
 * outbox delivery and not retried).
 */
export class TelegramChannel implements NotificationChannel {
  private readonly api: Api;
  private readonly tokens: CallbackTokens;
  private readonly i18n: I18n<BotContext>;

  constructor(private readonly options: TelegramChannelOptions) {
    this.api = new Api(options.botToken, { apiRoot: options.apiRoot });
    // Installed first, so it runs innermost: every attempt, retries included, is paced.
    this.api.config.use(apiThrottler());
    this.api.config.use(
      autoRetry({
        maxRetryAttempts: 5,
        maxDelaySeconds: options.maxRetryAfterSeconds ?? 30,
        // Network failures go back to the outbox dispatcher, which logs them and retries after a back-off.
        rethrowHttpErrors: true,
      }),
    );
    this.tokens = new CallbackTokens(options.storage.callbackTokens);
    this.i18n = options.i18n ?? createI18n();
  }

  async send(notification: OutgoingNotification): Promise<SendOutcome> {
    const language = await this.options.storage.languageOfChat(notification.chatId);
    const rendered = renderNotification(notification, language, translator(this.i18n, language), (code) =>
      findPermitType(this.options.catalog, code),
    );
    const markup =
      rendered.buttons.length > 0
        ? await this.tokens.keyboard(notification.chatId, rendered.buttons, BUTTON_TTL.notice)
        : undefined;
    const extra = markup ? { reply_markup: markup } : {};
    try {
      // A prepared attachment (the SKRD) or, for the issue notice, the permit document.
      const permit = notification.attachment ? null : await this.permitDocumentFor(notification);
      const attachment =
        notification.attachment ??
        (permit ? { content: permit.pdf, fileName: permitPdfFileName(permit.permitNumber) } : undefined);
      const text = permit
        ? `${rendered.text}\n\n${translator(this.i18n, language)('notify-permit-document-attached')}`
        : rendered.text;
      if (!attachment) await this.api.sendMessage(notification.chatId, text, extra);
      else {
        // A caption holds at most 1,024 characters: a longer text goes first as its own message.
        const fits = text.length <= CAPTION_LIMIT;
        if (!fits) await this.api.sendMessage(notification.chatId, text, extra);
        const file = new InputFile(attachment.content, attachment.fileName);
        await this.api.sendDocument(notification.chatId, file, fits ? { caption: text, ...extra } : {});
      }
      return 'sent';
    } catch (error) {
      if (isUnreachableChat(error)) return 'blocked';
      throw error;
    }
  }

  async sendDigest(digest: OutgoingDigest): Promise<SendOutcome> {
    const language = await this.options.storage.languageOfChat(digest.chatId);
    const lookup = (code: string) => findPermitType(this.options.catalog, code);
    const text = renderDigest(digest, language, translator(this.i18n, language), lookup);
    try {
      await this.api.sendMessage(digest.chatId, text);
      return 'sent';
    } catch (error) {
      if (isUnreachableChat(error)) return 'blocked';
      throw error;
    }
  }

  private async permitDocumentFor(notification: OutgoingNotification): Promise<PermitPdf | null> {
    if (notification.audience !== 'applicant' || !WITH_PERMIT_DOCUMENT.has(notification.template))
      return null;
    const registrationNumber = notification.params.registrationNumber;
    if (typeof registrationNumber !== 'string' || !this.options.permitDocumentOf) return null;
    return this.options.permitDocumentOf(registrationNumber);
  }
}
