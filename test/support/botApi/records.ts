// What the Bot API emulator records: the calls it received and the messages the bot sent.
import type { InlineKeyboardMarkup } from 'grammy/types';

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  at: number;
}

export interface SentMessage {
  method: string;
  chatId: number;
  messageId: number;
  text: string;
  replyMarkup: InlineKeyboardMarkup | undefined;
  /** For sendDocument/sendPhoto: the uploaded file's name, or the file ID sent. */
  document?: string;
  /** For an uploaded document or photo: its bytes as received. */
  documentBytes?: Buffer;
  at: number;
}
