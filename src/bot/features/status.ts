import { Composer } from 'grammy';
import { commandNames } from '../commands.js';
import type { BotContext, BotDependencies } from '../context.js';
import { languageOf } from '../i18n.js';
import { commandArguments, registrationNumberFrom } from '../registrationInput.js';
import { errorText, isRefusal } from '../replies.js';
import { statusCard } from '../statusCard.js';

/**
 * /cek /status <number> [access code]: the file of this Telegram account, of an officer whose
 * role and department it is or was with, or of whoever holds its access code. Anyone else
 * learns nothing, not even whether the number exists; too many wrong codes from one Telegram
 * account are refused for a while.
 */
export function statusFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command(commandNames('status'), async (ctx) => {
    // The code may be typed in its groups with a space (ABCDE FGHJK): the rest is the code.
    const [numberText, ...codeParts] = commandArguments(ctx.match);
    const accessCode = codeParts.join('');
    const registrationNumber = registrationNumberFrom(numberText);
    if (!registrationNumber) {
      await ctx.reply(ctx.t(numberText ? 'registration-number-invalid' : 'status-usage'));
      return;
    }
    // The code was typed into the chat: remove it from the history where we can, alongside the
    // lookup rather than before it (one Telegram round trip less before the answer).
    const deleting = accessCode ? ctx.deleteMessage().catch(() => {}) : undefined;
    const status = await deps.services.fileQueries
      .status({ telegramUserId: ctx.from!.id, ...(accessCode ? { accessCode } : {}) }, registrationNumber)
      .catch(async (error: unknown) => {
        // Anything else is unexpected: the bot's error handler logs it and apologises.
        if (!isRefusal(error, 'TOO_MANY_ATTEMPTS')) throw error;
        await ctx.reply(errorText(error, ctx.t, languageOf(ctx)));
        return undefined;
      });
    if (status === undefined) {
      await deleting;
      return;
    }
    await ctx.reply(
      status
        ? statusCard(status, ctx.t, (code) => deps.services.catalog.permitType(code), languageOf(ctx))
        : ctx.t('file-not-found'),
    );
    await deleting;
  });
  return composer;
}
