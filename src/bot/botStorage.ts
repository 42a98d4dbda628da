import type { ConversationData, VersionedState } from '@grammyjs/conversations';
import type { StorageAdapter } from 'grammy';
import type { CallbackAction } from './callbackActions.js';
import type { Language, UserProfile } from './context.js';

/**
 * Where the bot keeps its own state, handed in by the process that runs it (built over the
 * repositories in runtime/botStorage.ts), so the bot itself holds no SQL.
 */
export interface BotStorage {
  /** Conversations in progress, as the conversations plugin stores them. */
  conversations: StorageAdapter<VersionedState<ConversationData>>;
  /** The grammY session: a user's language and privacy consent. */
  profiles: StorageAdapter<UserProfile>;
  callbackTokens: {
    store(
      telegramUserId: number,
      entries: readonly { token: string; action: CallbackAction }[],
      ttlMs: number,
    ): Promise<void>;
    find(token: string, telegramUserId: number): Promise<CallbackAction | null>;
    deleteExpired(): Promise<void>;
  };
  /** False when the update was taken in before (Telegram hands it out again after a restart). */
  markUpdateSeen(botId: number, updateId: number): Promise<boolean>;
  /** Drops abandoned conversations, expired buttons and old update marks. */
  prune(): Promise<void>;
  languageOfChat(chatId: number): Promise<Language>;
}
