import { Composer } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { normalizeTicket } from '../../domain/complaints/ticketNumber.js';
import { BUTTON_TTL } from '../callbackActions.js';
import { commandNames } from '../commands.js';
import { complaintCard } from '../complaintCard.js';
import type { BotContext, BotDependencies, Language } from '../context.js';
import { languageOf, type Translate } from '../i18n.js';
import { commandArguments } from '../registrationInput.js';
import { errorText } from '../replies.js';
import { busyElsewhere } from './apply.js';
import type { ComplaintStatusArgs } from './complaintStatusConversation.js';

/** A reply: its text, and the buttons under it, if any. */
export interface ComplaintStatusReply {
  text: string;
  markup?: InlineKeyboardMarkup;
}

/**
 * The complaint a Telegram user holds, as a card: by its ticket code (checked under the user's
 * limit of wrong codes, like an access code for /cek), or, for a complaint about a file, by the
 * Telegram account that applied. A wrong pair is answered like a ticket that does not exist.
 * While the complaint may be reopened, the card has a button for it: shown for the code, the
 * button asks for the code again (the code is never kept); shown to the file's account, it
 * reopens at once, as the button under the answer's notice does.
 */
export async function complaintStatusReply(
  deps: BotDependencies,
  telegramUserId: number,
  ticket: string,
  ticketCode: string | undefined,
  t: Translate,
  language: Language,
): Promise<ComplaintStatusReply> {
  try {
    const view = await deps.services.complaints.view(ticket, {
      telegramUserId,
      ...(ticketCode ? { ticketCode } : {}),
    });
    const text = complaintCard(view, t, language);
    if (view.reopenableUntil === null) return { text };
    const action = ticketCode
      ? ({ kind: 'complaint.reopenWithCode', ticket: view.ticket } as const)
      : ({ kind: 'complaint.reopen', ticket: view.ticket } as const);
    const markup = await deps.tokens.keyboard(
      telegramUserId,
      [[{ text: t('button-complaint-reopen'), action }]],
      BUTTON_TTL.step,
    );
    return { text, markup };
  } catch (error) {
    return { text: errorText(error, t, language) };
  }
}

/**
 * /cekaduan /checkcomplaint ADU-2026-000001 <ticket code>: the complaint's state, deadline and
 * answers; the message with the code is deleted from the chat. Without arguments it asks for
 * the ticket and the code in turn (complaintStatusConversation).
 */
export function complaintStatusFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command(commandNames('complaintStatus'), async (ctx) => {
    // The code may be typed in its groups with a space (ABCDE FGHJK): the rest is the code.
    const [ticketText, ...codeParts] = commandArguments(ctx.match);
    const ticketCode = codeParts.join('');
    // The code is a secret typed into the chat: remove it from the history where we can.
    if (ticketCode) await ctx.deleteMessage().catch(() => {});
    if (!ticketText) {
      if (await busyElsewhere(ctx)) return;
      const args: ComplaintStatusArgs = { language: languageOf(ctx), run: ctx.update.update_id };
      await ctx.conversation.enter('complaintStatus', args);
      return;
    }
    const ticket = normalizeTicket(ticketText);
    if (!ticket) {
      await ctx.reply(ctx.t('complaint-ticket-invalid'));
      return;
    }
    const language = languageOf(ctx);
    const reply = await complaintStatusReply(
      deps,
      ctx.from!.id,
      ticket,
      ticketCode || undefined,
      ctx.t,
      language,
    );
    await ctx.reply(reply.text, reply.markup ? { reply_markup: reply.markup } : {});
  });
  return composer;
}
