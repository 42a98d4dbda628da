import type { Context, MiddlewareFn } from 'grammy';
import type { Pool } from '../db/pool.js';
import { pruneBotState } from './botHousekeeping.js';

const PRUNE_EVERY = 500;

/**
 * Takes each update in once. Telegram hands out again the updates a stopped bot had fetched but
 * not yet confirmed (and retries a webhook call that timed out); a conversation must not see
 * the same answer twice, so the second copy is dropped.
 */
export function skipSeenUpdates(pool: Pool): MiddlewareFn<Context> {
  let count = 0;
  return async (ctx, next) => {
    const { rowCount } = await pool.query(
      'INSERT INTO bot_seen_updates (bot_id, update_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [ctx.me.id, ctx.update.update_id],
    );
    // Housekeeping on the first update after a start and every PRUNE_EVERY updates after it.
    if (++count % PRUNE_EVERY === 1) await pruneBotState(pool);
    if (rowCount === 0) return;
    await next();
  };
}
