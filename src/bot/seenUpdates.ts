import type { Context, MiddlewareFn } from 'grammy';
import type { BotStorage } from './botStorage.js';

const PRUNE_EVERY = 500;

/**
 * Takes each update in once. Telegram hands out again the updates a stopped bot had fetched but
 * not yet confirmed (and retries a webhook call that timed out); a conversation must not see
 * the same answer twice, so the second copy is dropped.
 */
export function skipSeenUpdates(storage: BotStorage): MiddlewareFn<Context> {
  let count = 0;
  return async (ctx, next) => {
    const fresh = await storage.markUpdateSeen(ctx.me.id, ctx.update.update_id);
    // Housekeeping on the first update after a start and every PRUNE_EVERY updates after it.
    if (++count % PRUNE_EVERY === 1) await storage.prune();
    if (!fresh) return;
    await next();
  };
}
