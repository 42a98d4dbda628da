import { Composer } from 'grammy';
import { commandNames } from '../commands.js';
import type { BotContext, BotDependencies } from '../context.js';
import { formatDateTime, permitTypeName, statusLabel } from '../format.js';
import { languageOf } from '../i18n.js';

const SHOWN = 10;

/** /permohonan /mine: the applications this Telegram account submitted, newest first. */
export function mineFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command(commandNames('mine'), async (ctx) => {
    const language = languageOf(ctx);
    const files = await deps.services.fileQueries.applicationsOfTelegramUser(ctx.from!.id);
    if (files.length === 0) {
      await ctx.reply(ctx.t('mine-none'));
      return;
    }
    const lines = files.slice(0, SHOWN).map((file) =>
      ctx.t('mine-item', {
        registrationNumber: file.registrationNumber,
        permitType: permitTypeName(
          (code) => deps.services.catalog.permitType(code),
          file.permitTypeCode,
          language,
        ),
        status: statusLabel(file.status, ctx.t),
        deadline: formatDateTime(file.deadline, language) ?? ctx.t('deadline-none'),
      }),
    );
    if (files.length > SHOWN) lines.push(ctx.t('list-more', { count: files.length - SHOWN }));
    await ctx.reply([ctx.t('mine-title'), ...lines, ctx.t('mine-hint')].join('\n\n'));
  });
  return composer;
}
