import { Composer } from 'grammy';
import { COMMANDS, commandNames } from '../commands.js';
import type { BotContext } from '../context.js';

/**
 * /cancel /keluar leave any conversation at any step; installed before the conversations so
 * they never swallow it. A bare /batal inside a conversation means the same ("cancel").
 */
export function cancelFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const active = (ctx: BotContext) => Object.keys(ctx.conversation.active()).length > 0;
  const leave = async (ctx: BotContext) => {
    await ctx.conversation.exitAll();
    await ctx.reply(ctx.t('cancelled'));
  };

  composer.command(commandNames('cancel'), async (ctx) => {
    if (active(ctx)) await leave(ctx);
    else await ctx.reply(ctx.t('nothing-to-cancel'));
  });
  composer.command(COMMANDS.withdraw.names.id, async (ctx, next) => {
    if (active(ctx) && String(ctx.match).trim() === '') await leave(ctx);
    else await next();
  });
  return composer;
}
