import type { StorageAdapter } from 'grammy';
import type { Pool } from '../db/pool.js';
import type { Language, UserProfile } from './context.js';

/** Conversation state per chat in bot_conversations (JSON as the conversations plugin gives it). */
export class PgConversationStorage<T> {
  constructor(private readonly pool: Pool) {}

  async read(key: string): Promise<T | undefined> {
    const { rows } = await this.pool.query<{ state: T }>(
      'SELECT state FROM bot_conversations WHERE storage_key = $1',
      [key],
    );
    return rows[0]?.state;
  }

  async write(key: string, state: T): Promise<void> {
    await this.pool.query(
      `INSERT INTO bot_conversations (storage_key, state, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (storage_key) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`,
      [key, JSON.stringify(state)],
    );
  }

  async delete(key: string): Promise<void> {
    await this.pool.query('DELETE FROM bot_conversations WHERE storage_key = $1', [key]);
  }
}

interface ProfileRow {
  language: Language | null;
  privacy_consent_at: Date | null;
  privacy_notice_version: string | null;
}

/**
 * The grammY session of a user, kept as columns of bot_users (keyed by Telegram user ID) so the
 * notification channel can read the language a recipient chose.
 */
export class PgProfileStorage implements StorageAdapter<UserProfile> {
  constructor(private readonly pool: Pool) {}

  async read(key: string): Promise<UserProfile | undefined> {
    const { rows } = await this.pool.query<ProfileRow>(
      'SELECT language, privacy_consent_at, privacy_notice_version FROM bot_users WHERE telegram_user_id = $1',
      [key],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      ...(row.language ? { language: row.language } : {}),
      ...(row.privacy_consent_at ? { privacyConsentAt: row.privacy_consent_at.toISOString() } : {}),
      ...(row.privacy_notice_version ? { privacyNoticeVersion: row.privacy_notice_version } : {}),
    };
  }

  async write(key: string, value: UserProfile): Promise<void> {
    if (!value.language && !value.privacyConsentAt && !value.privacyNoticeVersion) {
      // Nothing to remember: no row is made for someone who only looked at the bot.
      await this.delete(key);
      return;
    }
    await this.pool.query(
      `INSERT INTO bot_users (telegram_user_id, language, privacy_consent_at, privacy_notice_version)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (telegram_user_id) DO UPDATE SET language = EXCLUDED.language,
         privacy_consent_at = EXCLUDED.privacy_consent_at,
         privacy_notice_version = EXCLUDED.privacy_notice_version, updated_at = now()
       WHERE (bot_users.language, bot_users.privacy_consent_at, bot_users.privacy_notice_version)
         IS DISTINCT FROM (EXCLUDED.language, EXCLUDED.privacy_consent_at, EXCLUDED.privacy_notice_version)`,
      [key, value.language ?? null, value.privacyConsentAt ?? null, value.privacyNoticeVersion ?? null],
    );
  }

  async delete(key: string): Promise<void> {
    await this.pool.query(
      `UPDATE bot_users SET language = NULL, privacy_consent_at = NULL, privacy_notice_version = NULL,
         updated_at = now() WHERE telegram_user_id = $1`,
      [key],
    );
  }
}

/** The language a chat chose in the bot; Indonesian when it never chose. */
export async function languageOfChat(pool: Pool, chatId: number): Promise<Language> {
  const { rows } = await pool.query<{ language: Language | null }>(
    'SELECT language FROM bot_users WHERE telegram_user_id = $1',
    [chatId],
  );
  return rows[0]?.language ?? 'id';
}
