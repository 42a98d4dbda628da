import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

/** Whatever no feature took: unknown commands, free text, and buttons no longer in use. */
export function fallbackFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('callback_query', async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t('button-inactive'), show_alert: true });
  });
  composer.on('message:text', async (ctx) => {
    const command = /^\/([A-Za-z0-9_]+)/.exec(ctx.message.text)?.[1];
    await ctx.reply(command ? ctx.t('unknown-command', { command }) : ctx.t('not-understood'));
  });
  composer.on('message', async (ctx) => {
    await ctx.reply(ctx.t('not-understood'));
  });
  return composer;
}
