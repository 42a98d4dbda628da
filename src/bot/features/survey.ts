import { Composer } from 'grammy';
import type { SurveyStandingName } from '../../services/index.js';
import { isAction } from '../callbackActions.js';
import { commandNames } from '../commands.js';
import type { BotContext, BotDependencies } from '../context.js';
import { languageOf } from '../i18n.js';
import { commandArguments, registrationNumberFrom } from '../registrationInput.js';
import { errorText } from '../replies.js';
import { busyElsewhere } from './apply.js';
import type { SurveyArgs } from './surveyConversation.js';

/**
 * The satisfaction survey of a closed file: opened by the invitation's button or by
 * /survei /survey <number>, answered in the survey conversation.
 */
export function surveyFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  const open = async (ctx: BotContext, registrationNumber: string) => {
    if (await busyElsewhere(ctx)) return;
    let standing: SurveyStandingName;
    try {
      standing = await deps.services.survey.standing({ telegramUserId: ctx.from!.id }, registrationNumber);
    } catch (error) {
      await ctx.reply(errorText(error, ctx.t, languageOf(ctx)));
      return;
    }
    if (standing !== 'open') {
      const key = standing === 'answered' ? 'survey-already-answered' : 'survey-file-open';
      await ctx.reply(ctx.t(key, { registrationNumber }));
      return;
    }
    const args: SurveyArgs = { language: languageOf(ctx), registrationNumber, run: ctx.update.update_id };
    await ctx.conversation.enter('survey', args);
  };

  composer.command(commandNames('survey'), async (ctx) => {
    const [numberText] = commandArguments(ctx.match);
    const registrationNumber = registrationNumberFrom(numberText);
    if (!registrationNumber) {
      await ctx.reply(ctx.t(numberText ? 'registration-number-invalid' : 'survey-usage'));
      return;
    }
    await open(ctx, registrationNumber);
  });

  composer.filter(isAction('survey.start'), async (ctx) => {
    await ctx.answerCallbackQuery();
    await open(ctx, ctx.callbackAction.registrationNumber);
  });

  return composer;
}
