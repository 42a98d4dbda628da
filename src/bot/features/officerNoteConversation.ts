import { officerDecision } from '../../domain/stages/officerDecision.js';
import type { BotDependencies, ConversationContext, Language } from '../context.js';
import {
  type BotConversation,
  MAX_ANSWER_LENGTH,
  nextInput,
  openConversationScope,
} from '../conversationSteps.js';
import { translator } from '../i18n.js';
import { decisionResult, outcomeOf } from '../replies.js';

export interface OfficerNoteArgs {
  language: Language;
  registrationNumber: string;
  decision: 'revise' | 'reject';
  /** The callback query that asked for this decision: the decision's idempotency key. */
  key: string;
  run: number;
}

/** After "revise" or "reject" in the inbox: asks for the note or reason, then decides. */
export function officerNoteConversation(deps: BotDependencies) {
  return async function officerNote(
    conversation: BotConversation,
    ctx: ConversationContext,
    args: OfficerNoteArgs,
  ) {
    const { language, registrationNumber, decision } = args;
    const t = translator(deps.i18n, language);
    const s = openConversationScope(conversation, ctx, deps, t, language, args.run);
    await s.reply(
      t(decision === 'revise' ? 'officer-ask-revise-note' : 'officer-ask-reject-reason', {
        registrationNumber,
      }),
    );
    for (;;) {
      const input = await nextInput(s, { text: true, hint: t('officer-note-text-expected') });
      if (input.kind !== 'text') continue;
      const text = input.text.trim();
      if (text.length === 0) {
        await s.reply(t('officer-note-empty'));
        continue;
      }
      if ([...text].length > MAX_ANSWER_LENGTH) {
        await s.reply(t('answer-too-long', { max: MAX_ANSWER_LENGTH }));
        continue;
      }
      const outcome = await conversation.external(() =>
        outcomeOf(
          () =>
            deps.services.fileActions.decide(
              { telegramUserId: s.userId },
              registrationNumber,
              officerDecision(decision, text),
              args.key,
            ),
          (view) => decisionResult(view, t, (code) => deps.services.catalog.permitType(code), language),
          t,
          language,
        ),
      );
      await s.reply(outcome.text);
      return;
    }
  };
}
