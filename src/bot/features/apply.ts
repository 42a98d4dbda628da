import { Composer } from 'grammy';
import { commandNames } from '../commands.js';
import type { BotContext, BotDependencies } from '../context.js';
import { languageOf } from '../i18n.js';
import type { ApplyArgs } from './applyConversation.js';
import { hasConsented, sendPrivacyNotice } from './start.js';

/** True (after telling the user) when another conversation is still open in this chat. */
export async function busyElsewhere(ctx: BotContext): Promise<boolean> {
  if (Object.keys(ctx.conversation.active()).length === 0) return false;
  await ctx.reply(ctx.t('conversation-busy'));
  return true;
}

/** /ajukan /apply: starts the guided application once the privacy notice is accepted. */
export function applyFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command(commandNames('apply'), async (ctx) => {
    if (!hasConsented(ctx)) {
      await ctx.reply(ctx.t('apply-consent-first'));
      await sendPrivacyNotice(ctx, deps);
      return;
    }
    if (await busyElsewhere(ctx)) return;
    const args: ApplyArgs = { language: languageOf(ctx), run: ctx.update.update_id };
    await ctx.conversation.enter('apply', args);
  });
  return composer;
}
