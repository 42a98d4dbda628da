import type { Queryable } from '../db/pool.js';

// The bot's working state: conversations in progress (bot_conversations), the actions behind
// inline buttons (bot_callback_tokens) and the updates already taken in (bot_seen_updates).

/** A conversation idle this long is abandoned (the bot closes it after 7 days idle). */
const ABANDONED_AFTER = '8 days';

export async function readConversation<T>(db: Queryable, key: string): Promise<T | undefined> {
  const { rows } = await db.query<{ state: T }>(
    'SELECT state FROM bot_conversations WHERE storage_key = $1',
    [key],
  );
  return rows[0]?.state;
}

export async function writeConversation<T>(db: Queryable, key: string, state: T): Promise<void> {
  await db.query(
    `INSERT INTO bot_conversations (storage_key, state, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (storage_key) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`,
    [key, JSON.stringify(state)],
  );
}

export async function deleteConversation(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM bot_conversations WHERE storage_key = $1', [key]);
}

/** Stores one action per token, each pressable only by the one user, until the TTL. */
export async function storeCallbackTokens(
  db: Queryable,
  telegramUserId: number,
  entries: readonly { token: string; action: unknown }[],
  ttlMs: number,
): Promise<void> {
  await db.query(
    `INSERT INTO bot_callback_tokens (token, telegram_user_id, action, expires_at)
         SELECT t, $2, a, now() + make_interval(secs => $4)
         FROM unnest($1::text[], $3::jsonb[]) AS x(t, a)`,
    [entries.map((e) => e.token), telegramUserId, entries.map((e) => JSON.stringify(e.action)), ttlMs / 1000],
  );
}

/** The action behind a token, or null when it is unknown, expired or another user's. */
export async function findCallbackAction<T>(
  db: Queryable,
  token: string,
  telegramUserId: number,
): Promise<T | null> {
  const { rows } = await db.query<{ action: T }>(
    `SELECT action FROM bot_callback_tokens
       WHERE token = $1 AND telegram_user_id = $2 AND expires_at > now()`,
    [token, telegramUserId],
  );
  return rows[0]?.action ?? null;
}

export async function deleteExpiredCallbackTokens(db: Queryable): Promise<void> {
  await db.query('DELETE FROM bot_callback_tokens WHERE expires_at < now()');
}

/** Marks an update as taken in; false when it was already (a redelivered update). */
export async function markUpdateSeen(db: Queryable, botId: number, updateId: number): Promise<boolean> {
  const { rowCount } = await db.query(
    'INSERT INTO bot_seen_updates (bot_id, update_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    [botId, updateId],
  );
  return rowCount !== 0;
}

/**
 * Deletes bot state nobody needs any more: abandoned conversations (their stored answers may
 * hold a NIK, kept no longer than needed under UU 27/2022), expired buttons, old update marks.
 */
export async function pruneBotState(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM bot_conversations WHERE updated_at < now() - interval '${ABANDONED_AFTER}'`);
  await deleteExpiredCallbackTokens(db);
  await db.query("DELETE FROM bot_seen_updates WHERE seen_at < now() - interval '7 days'");
}
