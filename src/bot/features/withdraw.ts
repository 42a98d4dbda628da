import { Composer } from 'grammy';
import { isFinalStatus } from '../../domain/stages/fileState.js';
import { BUTTON_TTL, isAction } from '../callbackActions.js';
import { commandNames } from '../commands.js';
import type { BotContext, BotDependencies } from '../context.js';
import { languageOf } from '../i18n.js';
import { commandArguments, registrationNumberFrom } from '../registrationInput.js';
import { errorText } from '../replies.js';

/** /batal /withdraw <number>: the applicant withdraws their own application, after a confirmation. */
export function withdrawFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command(commandNames('withdraw'), async (ctx) => {
    const [numberText] = commandArguments(ctx.match);
    const registrationNumber = registrationNumberFrom(numberText);
    if (!registrationNumber) {
      await ctx.reply(ctx.t(numberText ? 'registration-number-invalid' : 'withdraw-usage'));
      return;
    }
    const file = await deps.services.fileQueries.applicantFile(
      { telegramUserId: ctx.from!.id },
      registrationNumber,
    );
    if (!file) {
      await ctx.reply(ctx.t('file-not-found'));
      return;
    }
    if (isFinalStatus(file.status.status as Parameters<typeof isFinalStatus>[0])) {
      await ctx.reply(ctx.t('withdraw-already-closed', { registrationNumber }));
      return;
    }
    const markup = await deps.tokens.keyboard(
      ctx.from!.id,
      [
        [
          {
            text: ctx.t('button-withdraw-confirm'),
            action: { kind: 'withdraw.confirm', registrationNumber },
          },
        ],
        [{ text: ctx.t('button-withdraw-keep'), action: { kind: 'withdraw.keep', registrationNumber } }],
      ],
      BUTTON_TTL.step,
    );
    await ctx.reply(ctx.t('withdraw-confirm', { registrationNumber }), { reply_markup: markup });
  });

  composer.filter(isAction('withdraw.confirm'), async (ctx) => {
    await ctx.answerCallbackQuery();
    const { registrationNumber } = ctx.callbackAction;
    try {
      await deps.services.fileActions.withdraw(
        { telegramUserId: ctx.from!.id },
        registrationNumber,
        undefined,
        `telegram-callback:${ctx.callbackQuery!.id}`,
      );
      await ctx.editMessageReplyMarkup().catch(() => {});
      await ctx.reply(ctx.t('withdraw-done', { registrationNumber }));
    } catch (error) {
      await ctx.reply(errorText(error, ctx.t, languageOf(ctx)));
    }
  });

  composer.filter(isAction('withdraw.keep'), async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => {});
    await ctx.reply(ctx.t('withdraw-kept', { registrationNumber: ctx.callbackAction.registrationNumber }));
  });

  return composer;
}
