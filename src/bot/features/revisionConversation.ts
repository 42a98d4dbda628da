import type { ButtonSpec } from '../callbackTokens.js';
import type { BotDependencies, ConversationContext, Language } from '../context.js';
import {
  askDocument,
  askField,
  type BotConversation,
  keyboard,
  openConversationScope,
  waitForChoice,
} from '../conversationSteps.js';
import { translator } from '../i18n.js';
import { outcomeOf } from '../replies.js';
import { submissionKey } from './applyConversation.js';

export interface RevisionArgs {
  language: Language;
  registrationNumber: string;
  run: number;
}

/**
 * The applicant's answer to a revision request: shows the officer's note, lets them correct
 * fields and send new documents, then resubmits, which resumes the stage's clock.
 */
export function revisionConversation(deps: BotDependencies) {
  return async function revision(
    conversation: BotConversation,
    ctx: ConversationContext,
    args: RevisionArgs,
  ) {
    const { language, registrationNumber, run } = args;
    const t = translator(deps.i18n, language);
    const s = openConversationScope(conversation, ctx, deps, t, language, run);

    const file = await conversation.external(async () => {
      const found = await deps.services.fileQueries.applicantFile(
        { telegramUserId: s.userId },
        registrationNumber,
      );
      if (!found) return null;
      return {
        permitTypeCode: found.status.permitTypeCode,
        status: found.status.status,
        note: found.revisionNote,
      };
    });
    if (!file) {
      await s.reply(t('file-not-found'));
      return;
    }
    if (file.status !== 'AWAITING_REVISION') {
      await s.reply(t('revision-not-awaited', { registrationNumber }));
      return;
    }
    const permitType = deps.services.catalog.permitType(file.permitTypeCode);
    if (!permitType) {
      await s.reply(t('file-not-found'));
      return;
    }
    await s.reply(t('revision-intro', { registrationNumber, note: file.note ?? '-' }));

    const changedFields: Record<string, string> = {};
    const documents: { kind: string; sha256: string }[] = [];
    for (;;) {
      const rows: ButtonSpec[][] = [
        ...permitType.fields.map((field) => [
          {
            text: t('revision-button-field', { label: field.label[language] }),
            action: { kind: 'revision.field' as const, run, key: field.key },
          },
        ]),
        ...permitType.documents.map((document) => [
          {
            text: t('revision-button-document', { label: document.label[language] }),
            action: { kind: 'revision.document' as const, run, documentKind: document.kind },
          },
        ]),
        [{ text: t('revision-button-send'), action: { kind: 'revision.send', run } }],
      ];
      const changes = Object.keys(changedFields).length + documents.length;
      await s.reply(t('revision-menu', { changes }), await keyboard(s, rows));
      const choice = await waitForChoice(
        s,
        ['revision.field', 'revision.document', 'revision.send'],
        t('revision-use-buttons'),
      );
      if (choice.kind === 'revision.field') {
        const field = permitType.fields.find((f) => f.key === choice.key);
        if (!field) continue;
        const answer = await askField(s, permitType, field, { index: 1, total: 1 }, { allowSkip: false });
        if (answer) changedFields[field.key] = answer.raw;
        continue;
      }
      if (choice.kind === 'revision.document') {
        const document = permitType.documents.find((d) => d.kind === choice.documentKind);
        if (!document) continue;
        const ref = await askDocument(
          s,
          permitType,
          document,
          { index: 1, total: 1 },
          { allowSkip: false, forFile: registrationNumber },
        );
        if (ref) {
          const earlier = documents.findIndex((d) => d.kind === ref.kind);
          if (earlier >= 0) documents.splice(earlier, 1);
          documents.push({ kind: ref.kind, sha256: ref.sha256 });
        }
        continue;
      }
      if (changes === 0) {
        await s.reply(t('revision-nothing-yet'));
        continue;
      }
      const outcome = await conversation.external(() =>
        outcomeOf(
          () =>
            deps.services.fileActions.resubmit(
              { telegramUserId: s.userId },
              registrationNumber,
              {
                ...(Object.keys(changedFields).length > 0 ? { changedFields } : {}),
                ...(documents.length > 0 ? { documents } : {}),
              },
              submissionKey(s.chatId, run),
            ),
          () => t('revision-sent', { registrationNumber }),
          t,
          language,
        ),
      );
      await s.reply(outcome.text);
      return;
    }
  };
}
