import { formatAccessCode } from '../../domain/identifiers/accessCode.js';
import { maskNik } from '../../domain/identifiers/nik.js';
import { ServiceError, type UploadReference } from '../../services/index.js';
import type { BotDependencies, ConversationContext, Language } from '../context.js';
import {
  askDocument,
  askField,
  type BotConversation,
  type ConversationScope,
  keyboard,
  openConversationScope,
  waitForChoice,
} from '../conversationSteps.js';
import { pick, translator } from '../i18n.js';
import { safeError } from '../safeError.js';

export interface ApplyArgs {
  language: Language;
  /** The update that started the conversation: its buttons' run and the submission's idempotency key. */
  run: number;
}

/** The key that makes a retried submission of this conversation the same application. */
export const submissionKey = (chatId: number, run: number) => `telegram:${chatId}:${run}`;

/**
 * The guided application: permit type, each field with immediate checks, each required
 * document, a review, then submission. Replayed from Postgres at each update, so a restarted
 * bot resumes at the same question.
 */
export function applyConversation(deps: BotDependencies) {
  return async function apply(conversation: BotConversation, ctx: ConversationContext, args: ApplyArgs) {
    const { language, run } = args;
    const t = translator(deps.i18n, language);
    const s = openConversationScope(conversation, ctx, deps, t, language, run);

    const types = deps.services.catalog.permitTypes();
    await s.reply(
      t('apply-choose-type'),
      await keyboard(
        s,
        types.map((type) => [
          { text: type.name[language], action: { kind: 'apply.type', run, code: type.code } },
        ]),
      ),
    );
    const chosen = await waitForChoice(s, ['apply.type'], t('apply-use-buttons'));
    const permitType = deps.services.catalog.permitType(chosen.code);
    if (!permitType) {
      await s.reply(t('apply-type-gone'));
      return;
    }
    await s.reply(
      t('apply-type-chosen', {
        permitType: permitType.name[language],
        fields: permitType.fields.length,
        documents: permitType.documents
          .map((d) => `• ${d.label[language]}${d.required ? '' : ` ${t('label-optional')}`}`)
          .join('\n'),
      }),
    );

    const formData: Record<string, string> = {};
    const shown: { label: string; value: string }[] = [];
    const values: Record<string, string | number> = {};
    for (const [i, field] of permitType.fields.entries()) {
      const answer = await askField(
        s,
        permitType,
        field,
        { index: i + 1, total: permitType.fields.length },
        { allowSkip: true },
      );
      if (!answer) continue;
      formData[field.key] = answer.raw;
      values[field.key] = answer.value;
      const option = field.options?.find((o) => o.value === answer.value);
      shown.push({
        label: field.label[language],
        // The NIK is personal data: even the review shows it masked.
        value:
          field.type === 'nik'
            ? maskNik(String(answer.value))
            : (option?.label[language] ?? String(answer.value)),
      });
    }

    const documents: UploadReference[] = [];
    for (const [i, document] of permitType.documents.entries()) {
      const ref = await askDocument(
        s,
        permitType,
        document,
        { index: i + 1, total: permitType.documents.length },
        { allowSkip: true },
      );
      if (ref) documents.push(ref);
    }

    const fee = deps.services.intake.quoteFee(permitType.code, values);
    const summary = [
      t('apply-summary-title', { permitType: permitType.name[language] }),
      ...shown.map((line) => `• ${line.label}: ${line.value}`),
      t('apply-summary-documents', { count: documents.length }),
      ...documents.map(
        (d) => `• ${permitType.documents.find((def) => def.kind === d.kind)?.label[language] ?? d.kind}`,
      ),
      fee ? t('apply-summary-fee', { fee: pick(fee.breakdown, language) }) : t('apply-summary-fee-later'),
      t('apply-summary-confirm'),
    ].join('\n');
    await s.reply(
      summary,
      await keyboard(s, [
        [{ text: t('button-submit'), action: { kind: 'apply.confirm', run } }],
        [{ text: t('button-cancel-application'), action: { kind: 'apply.abort', run } }],
      ]),
    );

    for (;;) {
      const decision = await waitForChoice(s, ['apply.confirm', 'apply.abort'], t('apply-use-buttons'));
      if (decision.kind === 'apply.abort') {
        await s.reply(t('cancelled'));
        return;
      }
      const outcome = await submit(s, permitType.code, formData, documents);
      if (outcome.ok) {
        await s.reply(
          outcome.accessCode
            ? t('apply-submitted', {
                registrationNumber: outcome.registrationNumber,
                accessCode: formatAccessCode(outcome.accessCode),
              })
            : t('apply-submitted-again', { registrationNumber: outcome.registrationNumber }),
        );
        return;
      }
      if (outcome.message) {
        await s.reply(`${pick(outcome.message, language)}\n${t('apply-start-again')}`);
        return;
      }
      // The service could not be reached: the same key makes pressing again safe.
      await s.reply(t('apply-submit-failed-retry'));
    }
  };
}

async function submit(
  s: ConversationScope,
  permitTypeCode: string,
  formData: Record<string, string>,
  documents: UploadReference[],
) {
  return s.conversation.external(async () => {
    try {
      const result = await s.deps.services.intake.submit({
        permitTypeCode,
        formData,
        documents,
        channel: 'telegram',
        idempotencyKey: submissionKey(s.chatId, s.run),
        applicantTelegramUserId: s.userId,
      });
      return {
        ok: true as const,
        registrationNumber: result.registrationNumber,
        accessCode: result.accessCode,
      };
    } catch (error) {
      if (error instanceof ServiceError) return { ok: false as const, message: error.text };
      s.deps.logger.error({ error: safeError(error) }, 'submission from Telegram failed');
      return { ok: false as const, message: null };
    }
  });
}
