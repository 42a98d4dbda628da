// A Telegram user for tests: sends messages, documents and photos, presses buttons, awaits replies.
import { randomBytes } from 'node:crypto';
import type { Update } from 'grammy/types';
import { waitFor } from '../waitFor.js';
import type { BotApiEmulator } from './emulator.js';
import type { SentMessage } from './records.js';

/** A Telegram user in a private chat with the bot: sends messages, presses buttons, reads replies. */
export class TestUser {
  /** Messages already matched by an expectation. */
  private readonly taken = new Set<SentMessage>();

  constructor(
    private readonly emulator: BotApiEmulator,
    readonly id: number,
    readonly languageCode: string,
    readonly firstName: string,
  ) {}

  private base() {
    return {
      message_id: this.emulator.nextMessageId(this.id),
      date: Math.floor(Date.now() / 1000),
      chat: { id: this.id, type: 'private' as const, first_name: this.firstName },
      from: { id: this.id, is_bot: false, first_name: this.firstName, language_code: this.languageCode },
    };
  }

  /** Sends text; a leading /command gets its bot_command entity, as Telegram's apps add it. */
  send(text: string): number {
    const command = /^\/\S+/.exec(text);
    return this.emulator.inject({
      message: {
        ...this.base(),
        text,
        ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
      },
    } as Omit<Update, 'update_id'>);
  }

  sendDocument(bytes: Buffer, options: { mimeType: string; fileName: string; sizeBytes?: number }): number {
    const { fileId, uniqueId } = this.emulator.storeFile(bytes, options.fileName.split('.').pop() ?? 'bin');
    return this.emulator.inject({
      message: {
        ...this.base(),
        document: {
          file_id: fileId,
          file_unique_id: uniqueId,
          file_name: options.fileName,
          mime_type: options.mimeType,
          file_size: options.sizeBytes ?? bytes.length,
        },
      },
    } as Omit<Update, 'update_id'>);
  }

  sendPhoto(bytes: Buffer): number {
    const { fileId, uniqueId } = this.emulator.storeFile(bytes, 'jpg');
    return this.emulator.inject({
      message: {
        ...this.base(),
        photo: [
          { file_id: fileId, file_unique_id: uniqueId, width: 800, height: 600, file_size: bytes.length },
        ],
      },
    } as Omit<Update, 'update_id'>);
  }

  /**
   * Presses the button whose label matches, on the given message or else on the newest message
   * to this user that has one (waiting, bounded, for such a message to arrive).
   */
  async press(label: RegExp | string, options: { callbackQueryId?: string; on?: SentMessage } = {}) {
    const matches = (text: string) => (typeof label === 'string' ? text.includes(label) : label.test(text));
    const found = await waitFor(`a button ${String(label)} in the messages to ${this.id}`, () => {
      const candidates = options.on ? [options.on] : [...this.emulator.messagesTo(this.id)].reverse();
      for (const message of candidates) {
        const button = message.replyMarkup?.inline_keyboard.flat().find((b) => matches(b.text));
        if (button && 'callback_data' in button) return { message, data: button.callback_data };
      }
      return undefined;
    });
    return this.pressData(found.data, found.message, options.callbackQueryId);
  }

  /** Sends a callback query with exactly this data (forged, stale or replayed buttons). */
  pressData(data: string, message: SentMessage, callbackQueryId = randomBytes(8).toString('hex')) {
    const updateId = this.emulator.inject({
      callback_query: {
        id: callbackQueryId,
        from: { id: this.id, is_bot: false, first_name: this.firstName, language_code: this.languageCode },
        chat_instance: `ci${this.id}`,
        message: this.emulator.message(message),
        data,
      },
    } as Omit<Update, 'update_id'>);
    return { callbackQueryId, updateId, data };
  }

  /**
   * Waits for a message to this user, not yet taken by an earlier expect, whose text matches;
   * the oldest such message is taken. Notices from the worker and the bot's replies may arrive
   * in either order, so messages skipped over stay available to later expectations.
   */
  async expect(pattern: RegExp | string, timeoutMs = 15_000): Promise<SentMessage> {
    const matches = (text: string) =>
      typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
    const found = await waitFor(
      `a message to ${this.id} matching ${String(pattern)}`,
      () => this.emulator.sent.find((m) => m.chatId === this.id && !this.taken.has(m) && matches(m.text)),
      timeoutMs,
    );
    this.taken.add(found);
    return found;
  }

  /** Waits for the bot's answer to a callback query (the toast or alert on the button). */
  async expectCallbackAnswer(callbackQueryId: string, timeoutMs = 15_000): Promise<string> {
    const call = await waitFor(
      `the answer to callback ${callbackQueryId}`,
      () =>
        this.emulator
          .callsOf('answerCallbackQuery')
          .find((c) => c.payload.callback_query_id === callbackQueryId),
      timeoutMs,
    );
    return String(call.payload.text ?? '');
  }

  messages(): SentMessage[] {
    return this.emulator.messagesTo(this.id);
  }
}
