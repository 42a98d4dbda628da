import { MAX_COMPLAINT_TEXT_LENGTH } from '../../domain/complaints/complaintCategories.js';
import type { BotDependencies, ConversationContext, Language } from '../context.js';
import { type BotConversation, nextInput, openConversationScope } from '../conversationSteps.js';
import { translator } from '../i18n.js';
import { outcomeOf } from '../replies.js';

export interface ComplaintAnswerArgs {
  language: Language;
  ticket: string;
  run: number;
}

/** After "answer" on a complaint: the manager's note in one message, sent to the complainant. */
export function complaintAnswerConversation(deps: BotDependencies) {
  return async function complaintAnswer(
    conversation: BotConversation,
    ctx: ConversationContext,
    args: ComplaintAnswerArgs,
  ) {
    const { language, ticket } = args;
    const t = translator(deps.i18n, language);
    const s = openConversationScope(conversation, ctx, deps, t, language, args.run);
    await s.reply(t('complaint-ask-answer', { ticket, max: MAX_COMPLAINT_TEXT_LENGTH }));
    for (;;) {
      const input = await nextInput(s, { text: true, hint: t('officer-note-text-expected') });
      if (input.kind !== 'text') continue;
      const note = input.text.trim();
      if (note.length === 0) {
        await s.reply(t('officer-note-empty'));
        continue;
      }
      if ([...note].length > MAX_COMPLAINT_TEXT_LENGTH) {
        await s.reply(t('answer-too-long', { max: MAX_COMPLAINT_TEXT_LENGTH }));
        continue;
      }
      const outcome = await conversation.external(() =>
        outcomeOf(
          () => deps.services.complaints.respond({ telegramUserId: s.userId }, ticket, note),
          () => t('complaint-answer-sent', { ticket }),
          t,
          language,
        ),
      );
      await s.reply(outcome.text);
      return;
    }
  };
}
