import { Composer } from 'grammy';
import { isManager } from '../../domain/officers/managerRole.js';
import { commandNames } from '../commands.js';
import type { BotContext, BotDependencies } from '../context.js';

/** /bantuan /help: the commands this user may use. */
export function helpFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command(commandNames('help'), async (ctx) => {
    const officer = await deps.services.telegramIdentity.officerOf(ctx.from!.id);
    const parts = [ctx.t('help-citizen')];
    if (officer) parts.push(ctx.t('help-officer'));
    if (officer && isManager(officer)) parts.push(ctx.t('help-manager'));
    await ctx.reply(parts.join('\n\n'));
  });
  return composer;
}
