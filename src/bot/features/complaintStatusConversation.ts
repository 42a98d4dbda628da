import { normalizeTicket } from '../../domain/complaints/ticketNumber.js';
import type { BotDependencies, ConversationContext, Language } from '../context.js';
import {
  type BotConversation,
  type ConversationScope,
  nextInput,
  openConversationScope,
} from '../conversationSteps.js';
import { translator } from '../i18n.js';
import { complaintStatusReply } from './complaintStatus.js';

export interface ComplaintStatusArgs {
  language: Language;
  run: number;
}

/**
 * /cekaduan without arguments: the ticket number, then the ticket code (its message deleted at
 * once), then the complaint. The code goes to the complaint service only, never to a log line;
 * the conversation, with the code in its log, ends with that same message.
 */
async function askTicket(s: ConversationScope): Promise<string> {
  for (;;) {
    const input = await nextInput(s, { text: true, hint: s.t('complaint-ticket-invalid') });
    if (input.kind !== 'text') continue;
    const ticket = normalizeTicket(input.text);
    if (ticket) return ticket;
    await s.reply(s.t('complaint-ticket-invalid'));
  }
}

export function complaintStatusConversation(deps: BotDependencies) {
  return async function complaintStatus(
    conversation: BotConversation,
    ctx: ConversationContext,
    args: ComplaintStatusArgs,
  ) {
    const { language, run } = args;
    const t = translator(deps.i18n, language);
    const s = openConversationScope(conversation, ctx, deps, t, language, run);
    await s.reply(t('complaint-ask-ticket'));
    const ticket = await askTicket(s);
    await s.reply(t('complaint-ask-ticket-code', { ticket }));
    const code = await nextInput(s, { text: true, hint: t('complaint-ticket-code-expected') });
    if (code.kind !== 'text') return;
    await code.ctx.deleteMessage().catch(() => {});
    const reply = await conversation.external(() =>
      complaintStatusReply(deps, s.userId, ticket, code.text.trim(), t, language),
    );
    await s.reply(reply.text, reply.markup);
  };
}
