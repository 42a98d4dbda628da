import { Composer, InputFile } from 'grammy';
import { parseRegistrationNumber } from '../../domain/identifiers/registrationNumber.js';
import type { InboxItem } from '../../services/index.js';
import type { DocumentRef } from '../../workflows/permit/permitContract.js';
import { BUTTON_TTL, isAction } from '../callbackActions.js';
import { commandNames } from '../commands.js';
import type { BotContext, BotDependencies } from '../context.js';
import { formatDateTime, formatTimeLeft, permitTypeName, stageName } from '../format.js';
import { languageOf } from '../i18n.js';
import { officerFileButtons } from '../officerButtons.js';
import { errorText, isRefusal } from '../replies.js';

const SHOWN = 10;
const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

/** /tugas /inbox: files waiting on this officer, oldest deadline first, each with its buttons. */
export function officerInboxFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const lookup = (code: string) => deps.services.catalog.permitType(code);

  composer.command(commandNames('inbox'), async (ctx) => {
    const language = languageOf(ctx);
    let items: InboxItem[];
    try {
      items = await deps.services.fileQueries.inbox({ telegramUserId: ctx.from!.id });
    } catch (error) {
      if (!isRefusal(error, 'NOT_OFFICER')) throw error;
      await ctx.reply(ctx.t('officer-only'));
      return;
    }
    if (items.length === 0) {
      await ctx.reply(ctx.t('inbox-empty'));
      return;
    }
    await ctx.reply(ctx.t('inbox-title', { count: items.length }));
    const shown = items.slice(0, SHOWN);
    const markups = await deps.tokens.keyboards(
      ctx.from!.id,
      shown.map((item) => officerFileButtons(ctx.t, item.registrationNumber)),
      BUTTON_TTL.inbox,
    );
    for (const [i, item] of shown.entries()) {
      const markup = markups[i]!;
      await ctx.reply(
        ctx.t('inbox-item', {
          registrationNumber: item.registrationNumber,
          permitType: permitTypeName(lookup, item.permitTypeCode, language),
          stage: stageName(lookup, item.permitTypeCode, item.stageKey, language),
          deadline: formatDateTime(item.deadline, language) ?? ctx.t('deadline-none'),
          timeLeft: formatTimeLeft(item.timeLeftMs, ctx.t),
        }),
        { reply_markup: markup },
      );
    }
    if (items.length > SHOWN) await ctx.reply(ctx.t('list-more', { count: items.length - SHOWN }));
  });

  composer.filter(isAction('officer.documents'), async (ctx) => {
    await ctx.answerCallbackQuery();
    const { registrationNumber } = ctx.callbackAction;
    const language = languageOf(ctx);
    let documents: DocumentRef[];
    try {
      documents = await deps.services.documents.documentsForOfficer(
        { telegramUserId: ctx.from!.id },
        registrationNumber,
      );
    } catch (error) {
      await ctx.reply(
        isRefusal(error, 'NOT_OFFICER') ? ctx.t('officer-only') : errorText(error, ctx.t, language),
      );
      return;
    }
    if (documents.length === 0) {
      await ctx.reply(ctx.t('documents-none', { registrationNumber }));
      return;
    }
    const permitTypeCode = parseRegistrationNumber(registrationNumber)?.permitTypeCode ?? '';
    const definitions = lookup(permitTypeCode)?.documents ?? [];
    for (const document of documents) {
      const caption = `${registrationNumber} · ${
        definitions.find((d) => d.kind === document.kind)?.label[language] ?? document.kind
      }`;
      const stored = await deps.services.documents.documentContent(document.sha256);
      if (stored) {
        const name = `${registrationNumber}-${document.kind}.${EXTENSIONS[document.mimeType] ?? 'bin'}`;
        await ctx.replyWithDocument(new InputFile(stored, name), { caption });
      } else if (document.telegramFileId) {
        await ctx.replyWithDocument(document.telegramFileId, { caption }).catch(async () => {
          await ctx.reply(ctx.t('document-unavailable', { caption }));
        });
      } else {
        await ctx.reply(ctx.t('document-unavailable', { caption }));
      }
    }
  });

  return composer;
}
