import { Composer } from 'grammy';
import { normalizeTicket } from '../../domain/complaints/ticketNumber.js';
import { commandNames } from '../commands.js';
import { complaintCard } from '../complaintCard.js';
import type { BotContext, BotDependencies, Language } from '../context.js';
import { languageOf, type Translate } from '../i18n.js';
import { commandArguments } from '../registrationInput.js';
import { errorText } from '../replies.js';
import { busyElsewhere } from './apply.js';
import type { ComplaintStatusArgs } from './complaintStatusConversation.js';

/**
 * The complaint a Telegram user holds, as text: by its ticket code (checked under the user's
 * limit of wrong codes, like an access code for /cek), or, for a complaint about a file, by the
 * Telegram account that applied. A wrong pair is answered like a ticket that does not exist.
 */
export async function complaintStatusText(
  deps: BotDependencies,
  telegramUserId: number,
  ticket: string,
  ticketCode: string | undefined,
  t: Translate,
  language: Language,
): Promise<string> {
  try {
    const view = await deps.services.complaints.view(ticket, {
      telegramUserId,
      ...(ticketCode ? { ticketCode } : {}),
    });
    return complaintCard(view, t, language);
  } catch (error) {
    return errorText(error, t, language);
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
    await ctx.reply(
      await complaintStatusText(deps, ctx.from!.id, ticket, ticketCode || undefined, ctx.t, language),
    );
  });
  return composer;
}
