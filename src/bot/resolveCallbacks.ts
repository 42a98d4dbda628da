import type { MiddlewareFn } from 'grammy';
import type { BotContext, BotDependencies } from './context.js';

/**
 * Turns a pressed button's token into its action (ctx.callbackAction) for the handlers below.
 * A token that is unknown, expired or issued to someone else is refused politely here.
 */
export function resolveCallbacks(deps: Pick<BotDependencies, 'tokens'>): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const query = ctx.callbackQuery;
    if (!query) return next();
    const action = await deps.tokens.resolve(query.data, query.from.id);
    if (!action) {
      await ctx.answerCallbackQuery({ text: ctx.t('button-stale'), show_alert: true });
      return;
    }
    ctx.callbackAction = action;
    await next();
  };
}
