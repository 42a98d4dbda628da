import type { Pool } from '../db/pool.js';

/** A conversation idle this long is abandoned (the bot closes it after 7 days idle). */
const ABANDONED_AFTER = '8 days';

/**
 * Deletes bot state nobody needs any more: abandoned conversations (their stored answers may
 * hold a NIK, kept no longer than needed under UU 27/2022), expired buttons, old update marks.
 */
export async function pruneBotState(pool: Pool): Promise<void> {
  await pool.query(`DELETE FROM bot_conversations WHERE updated_at < now() - interval '${ABANDONED_AFTER}'`);
  await pool.query('DELETE FROM bot_callback_tokens WHERE expires_at < now()');
  await pool.query("DELETE FROM bot_seen_updates WHERE seen_at < now() - interval '7 days'");
}
