import type { Pool } from '../db/pool.js';
import { findActiveOfficerByTelegramId, type Officer } from '../repositories/officerRepository.js';
import { markChatReachable } from '../repositories/telegramChatRepository.js';

/**
 * Who a Telegram account is to the office: an officer when it is registered to an active
 * officer record (the applicant of a file is decided per file, by CallerAccess), and whether
 * notices can reach its chat.
 */
export function createTelegramIdentityService(deps: { pool: Pool }) {
  return {
    officerOf(telegramUserId: number): Promise<Officer | null> {
      return findActiveOfficerByTelegramId(deps.pool, telegramUserId);
    },

    /** A chat that blocked the bot and wrote to it again is reachable: notices may go out again. */
    markChatReachable(chatId: number): Promise<void> {
      return markChatReachable(deps.pool, chatId);
    },
  };
}

export type TelegramIdentityService = ReturnType<typeof createTelegramIdentityService>;
