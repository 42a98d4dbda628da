import { Composer } from 'grammy';
import { isAction } from '../callbackActions.js';
import type { BotContext, BotDependencies } from '../context.js';
import { languageOf } from '../i18n.js';
import { busyElsewhere } from './apply.js';
import type { RevisionArgs } from './revisionConversation.js';

/** The "send corrections" button of a revision notice opens the revision conversation. */
export function revisionFeature(_deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.filter(isAction('revision.start'), async (ctx) => {
    await ctx.answerCallbackQuery();
    if (await busyElsewhere(ctx)) return;
    const args: RevisionArgs = {
      language: languageOf(ctx),
      registrationNumber: ctx.callbackAction.registrationNumber,
      run: ctx.update.update_id,
    };
    await ctx.conversation.enter('revision', args);
  });
  return composer;
}
