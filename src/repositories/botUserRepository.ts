import type { Queryable } from '../db/pool.js';

// What the bot remembers of a Telegram user (bot_users, keyed by Telegram user ID): the
// language they chose and their consent to the privacy notice. The notification channel reads
// the language too.

export type BotLanguage = 'id' | 'en';

export interface BotUserProfile {
  language?: BotLanguage;
  privacyConsentAt?: string;
  privacyNoticeVersion?: string;
}

export async function readProfile(
  db: Queryable,
  telegramUserId: string,
): Promise<BotUserProfile | undefined> {
  const { rows } = await db.query<{
    language: BotLanguage | null;
    privacy_consent_at: Date | null;
    privacy_notice_version: string | null;
  }>(
    'SELECT language, privacy_consent_at, privacy_notice_version FROM bot_users WHERE telegram_user_id = $1',
    [telegramUserId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    ...(row.language ? { language: row.language } : {}),
    ...(row.privacy_consent_at ? { privacyConsentAt: row.privacy_consent_at.toISOString() } : {}),
    ...(row.privacy_notice_version ? { privacyNoticeVersion: row.privacy_notice_version } : {}),
  };
}

/** Forgets the profile's choices (the row stays, so a later write needs no insert). */
export async function clearProfile(db: Queryable, telegramUserId: string): Promise<void> {
  await db.query(
    `UPDATE bot_users SET language = NULL, privacy_consent_at = NULL, privacy_notice_version = NULL,
         updated_at = now() WHERE telegram_user_id = $1`,
    [telegramUserId],
  );
}

export async function saveProfile(
  db: Queryable,
  telegramUserId: string,
  profile: BotUserProfile,
): Promise<void> {
  if (!profile.language && !profile.privacyConsentAt && !profile.privacyNoticeVersion) {
    // Nothing to remember: no row is made for someone who only looked at the bot.
    await clearProfile(db, telegramUserId);
    return;
  }
  await db.query(
    `INSERT INTO bot_users (telegram_user_id, language, privacy_consent_at, privacy_notice_version)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (telegram_user_id) DO UPDATE SET language = EXCLUDED.language,
         privacy_consent_at = EXCLUDED.privacy_consent_at,
         privacy_notice_version = EXCLUDED.privacy_notice_version, updated_at = now()
       WHERE (bot_users.language, bot_users.privacy_consent_at, bot_users.privacy_notice_version)
         IS DISTINCT FROM (EXCLUDED.language, EXCLUDED.privacy_consent_at, EXCLUDED.privacy_notice_version)`,
    [
      telegramUserId,
      profile.language ?? null,
      profile.privacyConsentAt ?? null,
      profile.privacyNoticeVersion ?? null,
    ],
  );
}

/** The language a chat chose in the bot; Indonesian when it never chose. */
export async function languageOfChat(db: Queryable, chatId: number): Promise<BotLanguage> {
  const { rows } = await db.query<{ language: BotLanguage | null }>(
    'SELECT language FROM bot_users WHERE telegram_user_id = $1',
    [chatId],
  );
  return rows[0]?.language ?? 'id';
}
