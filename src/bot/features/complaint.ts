import { Composer } from 'grammy';
import type { ComplaintListItem } from '../../services/index.js';
import { BUTTON_TTL, isAction } from '../callbackActions.js';
import { commandNames } from '../commands.js';
import type { BotContext, BotDependencies } from '../context.js';
import { formatDateTime } from '../format.js';
import { languageOf } from '../i18n.js';
import { errorText } from '../replies.js';
import { busyElsewhere } from './apply.js';
import type { ComplaintAnswerArgs } from './complaintAnswerConversation.js';
import type { ComplaintArgs } from './complaintConversation.js';
import type { ComplaintReopenArgs } from './complaintReopenConversation.js';

const SHOWN = 10;

/**
 * Complaints: /pengaduan /complaint files one (guided); /aduan /complaints lists those waiting
 * on the manager's answer, each with a button to answer; the complainant reopens by button.
 */
export function complaintFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command(commandNames('complaint'), async (ctx) => {
    if (await busyElsewhere(ctx)) return;
    const args: ComplaintArgs = { language: languageOf(ctx), run: ctx.update.update_id };
    await ctx.conversation.enter('complaint', args);
  });

  composer.command(commandNames('complaints'), async (ctx) => {
    const language = languageOf(ctx);
    let items: ComplaintListItem[];
    try {
      items = await deps.services.complaints.awaiting({ telegramUserId: ctx.from!.id });
    } catch (error) {
      await ctx.reply(errorText(error, ctx.t, language));
      return;
    }
    if (items.length === 0) {
      await ctx.reply(ctx.t('complaints-none'));
      return;
    }
    await ctx.reply(ctx.t('complaints-title', { count: items.length }));
    for (const item of items.slice(0, SHOWN)) {
      const markup = await deps.tokens.keyboard(
        ctx.from!.id,
        [
          [
            {
              text: ctx.t('button-complaint-answer'),
              action: { kind: 'complaint.answer', ticket: item.ticket },
            },
          ],
        ],
        BUTTON_TTL.inbox,
      );
      await ctx.reply(
        ctx.t('complaints-item', {
          ticket: item.ticket,
          category: ctx.t(`complaint-category-${item.category}`),
          file: item.registrationNumber ?? ctx.t('complaint-anonymous'),
          deadline: formatDateTime(item.deadline, language) ?? ctx.t('deadline-none'),
          escalated: item.escalated ? 'yes' : 'no',
        }),
        { reply_markup: markup },
      );
    }
    if (items.length > SHOWN) await ctx.reply(ctx.t('list-more', { count: items.length - SHOWN }));
  });

  // The manager reads the complaint, then writes the answer in the conversation.
  composer.filter(isAction('complaint.answer'), async (ctx) => {
    await ctx.answerCallbackQuery();
    if (await busyElsewhere(ctx)) return;
    const { ticket } = ctx.callbackAction;
    const language = languageOf(ctx);
    try {
      const complaint = await deps.services.complaints.forManager({ telegramUserId: ctx.from!.id }, ticket);
      await ctx.reply(
        ctx.t('complaint-text-for-manager', {
          ticket,
          category: ctx.t(`complaint-category-${complaint.category}`),
          file: complaint.registrationNumber ?? ctx.t('complaint-anonymous'),
          text: complaint.body,
        }),
      );
    } catch (error) {
      await ctx.reply(errorText(error, ctx.t, language));
      return;
    }
    const args: ComplaintAnswerArgs = { language, ticket, run: ctx.update.update_id };
    await ctx.conversation.enter('complaintAnswer', args);
  });

  composer.filter(isAction('complaint.reopen'), async (ctx) => {
    await ctx.answerCallbackQuery();
    const { ticket } = ctx.callbackAction;
    try {
      await deps.services.complaints.reopen(ticket, { telegramUserId: ctx.from!.id });
      await ctx.reply(ctx.t('complaint-reopened', { ticket }));
    } catch (error) {
      await ctx.reply(errorText(error, ctx.t, languageOf(ctx)));
    }
  });

  composer.filter(isAction('complaint.reopenWithCode'), async (ctx) => {
    await ctx.answerCallbackQuery();
    if (await busyElsewhere(ctx)) return;
    const args: ComplaintReopenArgs = {
      language: languageOf(ctx),
      ticket: ctx.callbackAction.ticket,
      run: ctx.update.update_id,
    };
    await ctx.conversation.enter('complaintReopen', args);
  });

  return composer;
}
