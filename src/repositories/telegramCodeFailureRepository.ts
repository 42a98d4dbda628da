import type { Queryable } from '../db/pool.js';

// Wrong access codes typed into the bot, counted per Telegram user in a fixed window that
// starts with the first failure (telegram_code_failures).

/** The user's failures in the window running now, and when it ends; null when none. */
export async function telegramCodeFailuresNow(
  db: Queryable,
  telegramUserId: number,
  windowMs: number,
): Promise<{ failures: number; windowEndsAt: Date } | null> {
  const { rows } = await db.query<{ failures: number; window_ends_at: Date }>(
    `SELECT failures, window_started_at + make_interval(secs => $2::float8 / 1000) AS window_ends_at
     FROM telegram_code_failures
     WHERE telegram_user_id = $1 AND window_started_at > now() - make_interval(secs => $2::float8 / 1000)`,
    [telegramUserId, windowMs],
  );
  const row = rows[0];
  return row ? { failures: row.failures, windowEndsAt: row.window_ends_at } : null;
}

/** Counts one failure: in the running window, or as the first of a new one. */
export async function countTelegramCodeFailure(
  db: Queryable,
  telegramUserId: number,
  windowMs: number,
): Promise<void> {
  await db.query(
    `INSERT INTO telegram_code_failures AS f (telegram_user_id, window_started_at, failures)
     VALUES ($1, now(), 1)
     ON CONFLICT (telegram_user_id) DO UPDATE SET
       failures = CASE WHEN f.window_started_at > now() - make_interval(secs => $2::float8 / 1000)
                       THEN f.failures + 1 ELSE 1 END,
       window_started_at = CASE WHEN f.window_started_at > now() - make_interval(secs => $2::float8 / 1000)
                                THEN f.window_started_at ELSE now() END`,
    [telegramUserId, windowMs],
  );
}
