import { Composer } from 'grammy';
import type { InboxItem, SlaOverview } from '../../services/index.js';
import { commandNames } from '../commands.js';
import type { BotContext, BotDependencies } from '../context.js';
import { formatTimeLeft, permitTypeName, stageName } from '../format.js';
import { languageOf } from '../i18n.js';
import { errorText } from '../replies.js';

const SHOWN = 20;

/** /sla: breached and at-risk files of the manager's departments. */
export function managerSlaFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const lookup = (code: string) => deps.services.catalog.permitType(code);

  composer.command(commandNames('sla'), async (ctx) => {
    const language = languageOf(ctx);
    let overview: SlaOverview;
    try {
      overview = await deps.services.fileQueries.slaOverview({ telegramUserId: ctx.from!.id });
    } catch (error) {
      await ctx.reply(errorText(error, ctx.t, language));
      return;
    }
    const item = (i: InboxItem) =>
      ctx.t('sla-item', {
        registrationNumber: i.registrationNumber,
        permitType: permitTypeName(lookup, i.permitTypeCode, language),
        stage: stageName(lookup, i.permitTypeCode, i.stageKey, language),
        role: i.role,
        timeLeft: formatTimeLeft(i.timeLeftMs, ctx.t),
      });
    const section = (title: string, items: InboxItem[]) => [
      title,
      ...(items.length === 0 ? [ctx.t('sla-none')] : items.slice(0, SHOWN).map(item)),
      ...(items.length > SHOWN ? [ctx.t('list-more', { count: items.length - SHOWN })] : []),
    ];
    await ctx.reply(
      [
        ...section(ctx.t('sla-breached-title', { count: overview.breached.length }), overview.breached),
        '',
        ...section(ctx.t('sla-at-risk-title', { count: overview.atRisk.length }), overview.atRisk),
      ].join('\n'),
    );
  });

  return composer;
}
