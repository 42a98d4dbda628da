import {
  COMPLAINT_CATEGORIES,
  MAX_COMPLAINT_TEXT_LENGTH,
} from '../../domain/complaints/complaintCategories.js';
import type { ButtonSpec } from '../callbackTokens.js';
import type { BotDependencies, ConversationContext, Language } from '../context.js';
import {
  type BotConversation,
  type ConversationScope,
  keyboard,
  nextInput,
  openConversationScope,
} from '../conversationSteps.js';
import { translator } from '../i18n.js';
import { outcomeOf } from '../replies.js';

export interface ComplaintArgs {
  language: Language;
  run: number;
}

/** Files shown to choose from: the applicant's newest. */
const FILES_SHOWN = 5;

async function askCategory(s: ConversationScope): Promise<string> {
  const rows: ButtonSpec[][] = COMPLAINT_CATEGORIES.map((category) => [
    {
      text: s.t(`complaint-category-${category}`),
      action: { kind: 'complaint.category', run: s.run, category },
    },
  ]);
  await s.reply(s.t('complaint-ask-category'), await keyboard(s, rows));
  for (;;) {
    const input = await nextInput(s, { actions: ['complaint.category'], hint: s.t('complaint-use-buttons') });
    if (input.kind === 'action' && input.action.kind === 'complaint.category') return input.action.category;
  }
}

/** A file of the user's own Telegram account, or null for an anonymous complaint. */
async function askFile(s: ConversationScope): Promise<string | null> {
  const files = await s.conversation.external(() =>
    s.deps.services.fileQueries
      .applicationsOfTelegramUser(s.userId)
      .then((all) => all.slice(0, FILES_SHOWN).map((f) => f.registrationNumber)),
  );
  if (files.length === 0) return null;
  const rows: ButtonSpec[][] = [
    ...files.map((registrationNumber) => [
      {
        text: registrationNumber,
        action: { kind: 'complaint.file' as const, run: s.run, registrationNumber },
      },
    ]),
    [
      {
        text: s.t('button-complaint-anonymous'),
        action: { kind: 'complaint.file', run: s.run, registrationNumber: null },
      },
    ],
  ];
  await s.reply(s.t('complaint-ask-file'), await keyboard(s, rows));
  for (;;) {
    const input = await nextInput(s, { actions: ['complaint.file'], hint: s.t('complaint-use-buttons') });
    if (input.kind === 'action' && input.action.kind === 'complaint.file')
      return input.action.registrationNumber;
  }
}

async function askText(s: ConversationScope): Promise<string> {
  await s.reply(s.t('complaint-ask-text', { max: MAX_COMPLAINT_TEXT_LENGTH }));
  for (;;) {
    const input = await nextInput(s, { text: true, hint: s.t('complaint-text-expected') });
    if (input.kind !== 'text') continue;
    const text = input.text.trim();
    if (text.length === 0) continue;
    if ([...text].length > MAX_COMPLAINT_TEXT_LENGTH) {
      await s.reply(s.t('answer-too-long', { max: MAX_COMPLAINT_TEXT_LENGTH }));
      continue;
    }
    return text;
  }
}

/**
 * /pengaduan /complaint: a category, optionally one of the user's own files (otherwise
 * anonymous: nothing of the Telegram account is stored), then the text. The text goes to the
 * complaint service only (PostgreSQL), never to Temporal or a log line.
 */
export function complaintConversation(deps: BotDependencies) {
  return async function complaint(
    conversation: BotConversation,
    ctx: ConversationContext,
    args: ComplaintArgs,
  ) {
    const { language, run } = args;
    const t = translator(deps.i18n, language);
    const s = openConversationScope(conversation, ctx, deps, t, language, run);
    const category = await askCategory(s);
    const registrationNumber = await askFile(s);
    const text = await askText(s);
    const outcome = await conversation.external(() =>
      outcomeOf(
        () =>
          deps.services.complaints.file(
            registrationNumber === null ? {} : { telegramUserId: s.userId },
            { category, text, ...(registrationNumber === null ? {} : { registrationNumber }) },
            'telegram',
          ),
        (filed) =>
          t(registrationNumber === null ? 'complaint-filed-anonymous' : 'complaint-filed', {
            ticket: filed.ticket,
            ticketCode: filed.ticketCode,
          }),
        t,
        language,
      ),
    );
    await s.reply(outcome.text);
  };
}
