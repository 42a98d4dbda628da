import { randomBytes } from 'node:crypto';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { BotStorage } from './botStorage.js';
import type { CallbackAction } from './callbackActions.js';

/** A button to be: its label and what it does. */
export interface ButtonSpec {
  text: string;
  action: CallbackAction;
}

const PREFIX = 't:';
const TOKEN_PATTERN = /^t:[A-Za-z0-9_-]{16}$/;

/**
 * Inline buttons carry `t:<16 random characters>`; the action they stand for is a row bound to
 * the one Telegram user who may press it, with an expiry. Anything else is forged or stale.
 */
export class CallbackTokens {
  private issued = 0;

  constructor(private readonly store: BotStorage['callbackTokens']) {}

  /** Issues one token per button and returns the keyboard, row by row. */
  async keyboard(
    telegramUserId: number,
    rows: readonly (readonly ButtonSpec[])[],
    ttlMs: number,
  ): Promise<InlineKeyboardMarkup> {
    const [markup] = await this.keyboards(telegramUserId, [rows], ttlMs);
    return markup!;
  }

  /**
   * Several keyboards for one reply (an inbox page), their tokens stored in one statement rather
   * than one round trip (and commit) per message.
   */
  async keyboards(
    telegramUserId: number,
    keyboards: readonly (readonly (readonly ButtonSpec[])[])[],
    ttlMs: number,
  ): Promise<InlineKeyboardMarkup[]> {
    const specs = keyboards.flatMap((rows) => rows.flat());
    const tokens = specs.map(() => randomBytes(12).toString('base64url'));
    if (specs.length > 0) {
      await this.store.store(
        telegramUserId,
        specs.map((spec, i) => ({ token: tokens[i]!, action: spec.action })),
        ttlMs,
      );
    }
    this.issued += specs.length;
    if (this.issued > 1000) {
      this.issued = 0;
      await this.store.deleteExpired();
    }
    let next = 0;
    return keyboards.map((rows) => ({
      inline_keyboard: rows.map((row) =>
        row.map((spec) => ({ text: spec.text, callback_data: `${PREFIX}${tokens[next++]}` })),
      ),
    }));
  }

  /** The action of a pressed button, or null when the token is unknown, expired or someone else's. */
  async resolve(callbackData: string | undefined, telegramUserId: number): Promise<CallbackAction | null> {
    if (!callbackData || !TOKEN_PATTERN.test(callbackData)) return null;
    return this.store.find(callbackData.slice(PREFIX.length), telegramUserId);
  }
}
