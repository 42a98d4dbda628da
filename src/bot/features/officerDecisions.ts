import { Composer } from 'grammy';
import { officerDecision } from '../../domain/stages/officerDecision.js';
import type { OfficerDecision } from '../../workflows/permit/permitContract.js';
import { isAction } from '../callbackActions.js';
import { type CommandName, commandNames } from '../commands.js';
import type { BotContext, BotDependencies } from '../context.js';
import { MAX_ANSWER_LENGTH } from '../conversationSteps.js';
import { languageOf } from '../i18n.js';
import { commandArguments, registrationNumberFrom, restAfter } from '../registrationInput.js';
import { decisionResult, errorText } from '../replies.js';
import { busyElsewhere } from './apply.js';
import type { OfficerNoteArgs } from './officerNoteConversation.js';

/**
 * /setujui /approve, /tolak /reject, /perbaiki /revise and the inbox buttons. Each decision goes
 * to the workflow with the Telegram update or callback query ID as its idempotency key, so a
 * redelivered update or a double tap decides once.
 */
export function officerDecisionsFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const lookup = (code: string) => deps.services.catalog.permitType(code);

  const decide = async (
    ctx: BotContext,
    registrationNumber: string,
    decision: OfficerDecision,
    key: string,
  ) => {
    const language = languageOf(ctx);
    try {
      const view = await deps.services.fileActions.decide(
        { telegramUserId: ctx.from!.id },
        registrationNumber,
        decision,
        key,
      );
      await ctx.reply(decisionResult(view, ctx.t, lookup, language));
      return true;
    } catch (error) {
      await ctx.reply(errorText(error, ctx.t, language));
      return false;
    }
  };

  const byCommand = (command: CommandName, kind: OfficerDecision['decision']) =>
    composer.command(commandNames(command), async (ctx) => {
      // Checked first: someone who is not an officer learns nothing about any file.
      if (!(await deps.services.telegramIdentity.officerOf(ctx.from!.id))) {
        await ctx.reply(ctx.t('officer-only'));
        return;
      }
      const registrationNumber = registrationNumberFrom(commandArguments(ctx.match)[0]);
      const text = restAfter(ctx.match, 1);
      if (!registrationNumber || (kind !== 'approve' && !text)) {
        await ctx.reply(ctx.t(`${command}-usage`));
        return;
      }
      if ([...text].length > MAX_ANSWER_LENGTH) {
        await ctx.reply(ctx.t('answer-too-long', { max: MAX_ANSWER_LENGTH }));
        return;
      }
      await decide(
        ctx,
        registrationNumber,
        officerDecision(kind, text),
        `telegram-update:${ctx.update.update_id}`,
      );
    });
  byCommand('approve', 'approve');
  byCommand('reject', 'reject');
  byCommand('revise', 'revise');

  composer.filter(isAction('officer.approve'), async (ctx) => {
    await ctx.answerCallbackQuery();
    const approved = await decide(
      ctx,
      ctx.callbackAction.registrationNumber,
      officerDecision('approve'),
      `telegram-callback:${ctx.callbackQuery!.id}`,
    );
    if (approved) await ctx.editMessageReplyMarkup().catch(() => {});
  });

  const askForNote = (decision: 'revise' | 'reject') => async (ctx: BotContext) => {
    await ctx.answerCallbackQuery();
    if (!(await deps.services.telegramIdentity.officerOf(ctx.from!.id))) {
      await ctx.reply(ctx.t('officer-only'));
      return;
    }
    if (await busyElsewhere(ctx)) return;
    const action = ctx.callbackAction as { registrationNumber: string };
    const args: OfficerNoteArgs = {
      language: languageOf(ctx),
      registrationNumber: action.registrationNumber,
      decision,
      key: `telegram-callback:${ctx.callbackQuery!.id}`,
      run: ctx.update.update_id,
    };
    await ctx.conversation.enter('officerNote', args);
  };
  composer.filter(isAction('officer.revise'), askForNote('revise'));
  composer.filter(isAction('officer.reject'), askForNote('reject'));

  return composer;
}
