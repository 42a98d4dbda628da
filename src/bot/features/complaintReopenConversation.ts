import type { BotDependencies, ConversationContext, Language } from '../context.js';
import { type BotConversation, nextInput, openConversationScope } from '../conversationSteps.js';
import { translator } from '../i18n.js';
import { outcomeOf } from '../replies.js';

export interface ComplaintReopenArgs {
  language: Language;
  ticket: string;
  run: number;
}

/**
 * After "reopen" under a complaint shown for its ticket code: the code once more (its message
 * deleted at once; it counts against the user's limit of wrong codes), then the complaint is
 * reopened. The code goes to the complaint service only, as in /cekaduan.
 */
export function complaintReopenConversation(deps: BotDependencies) {
  return async function complaintReopen(
    conversation: BotConversation,
    ctx: ConversationContext,
    args: ComplaintReopenArgs,
  ) {
    const { language, ticket } = args;
    const t = translator(deps.i18n, language);
    const s = openConversationScope(conversation, ctx, deps, t, language, args.run);
    await s.reply(t('complaint-reopen-ask-code', { ticket }));
    const code = await nextInput(s, { text: true, hint: t('complaint-ticket-code-expected') });
    if (code.kind !== 'text') return;
    await code.ctx.deleteMessage().catch(() => {});
    const outcome = await conversation.external(() =>
      outcomeOf(
        () =>
          deps.services.complaints.reopen(ticket, { ticketCode: code.text.trim(), telegramUserId: s.userId }),
        () => t('complaint-reopened', { ticket }),
        t,
        language,
      ),
    );
    await s.reply(outcome.text);
  };
}
