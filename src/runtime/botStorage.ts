import type { ConversationData, VersionedState } from '@grammyjs/conversations';
import type { BotStorage } from '../bot/botStorage.js';
import type { CallbackAction } from '../bot/callbackActions.js';
import type { Pool } from '../db/pool.js';
import {
  deleteConversation,
  deleteExpiredCallbackTokens,
  findCallbackAction,
  markUpdateSeen,
  pruneBotState,
  readConversation,
  storeCallbackTokens,
  writeConversation,
} from '../repositories/botStateRepository.js';
import { clearProfile, languageOfChat, readProfile, saveProfile } from '../repositories/botUserRepository.js';

type StoredConversation = VersionedState<ConversationData>;

/** The bot's state in Postgres, for the bot and the worker's notification channel. */
export function botStorageOver(pool: Pool): BotStorage {
  return {
    conversations: {
      read: (key) => readConversation<StoredConversation>(pool, key),
      write: (key, state) => writeConversation(pool, key, state),
      delete: (key) => deleteConversation(pool, key),
    },
    profiles: {
      read: (key) => readProfile(pool, key),
      write: (key, profile) => saveProfile(pool, key, profile),
      delete: (key) => clearProfile(pool, key),
    },
    callbackTokens: {
      store: (telegramUserId, entries, ttlMs) => storeCallbackTokens(pool, telegramUserId, entries, ttlMs),
      find: (token, telegramUserId) => findCallbackAction<CallbackAction>(pool, token, telegramUserId),
      deleteExpired: () => deleteExpiredCallbackTokens(pool),
    },
    markUpdateSeen: (botId, updateId) => markUpdateSeen(pool, botId, updateId),
    prune: () => pruneBotState(pool),
    languageOfChat: (chatId) => languageOfChat(pool, chatId),
  };
}
