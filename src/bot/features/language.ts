import { Composer } from 'grammy';
import { isAction } from '../callbackActions.js';
import { commandNames } from '../commands.js';
import type { BotContext, BotDependencies } from '../context.js';
import { languageKeyboard, refreshChatCommands } from './start.js';

/** /bahasa /language: the user's language for replies, menus and notifications. */
export function languageFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command(commandNames('language'), async (ctx) => {
    await ctx.reply(ctx.t('language-choose'), { reply_markup: await languageKeyboard(ctx, deps) });
  });

  composer.filter(isAction('language'), async (ctx) => {
    ctx.session.language = ctx.callbackAction.language;
    ctx.i18n.useLocale(ctx.callbackAction.language);
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('language-set'));
    await refreshChatCommands(ctx, deps);
  });

  return composer;
}
