import { Composer } from 'grammy';
import { BUTTON_TTL, isAction } from '../callbackActions.js';
import { registerChatCommands } from '../commands.js';
import type { BotContext, BotDependencies } from '../context.js';
import { formatDateTime } from '../format.js';
import { languageOf } from '../i18n.js';
import { safeError } from '../safeError.js';

/** Bump when the privacy notice's content changes: consent is recorded per version. */
export const PRIVACY_NOTICE_VERSION = '2026-11';

export function hasConsented(ctx: BotContext): boolean {
  return ctx.session.privacyNoticeVersion === PRIVACY_NOTICE_VERSION && !!ctx.session.privacyConsentAt;
}

/** The privacy notice (UU 27/2022) with consent buttons, or a note of the consent already given. */
export async function sendPrivacyNotice(ctx: BotContext, deps: BotDependencies): Promise<void> {
  if (hasConsented(ctx)) {
    await ctx.reply(
      `${ctx.t('privacy-notice')}\n\n${ctx.t('privacy-already-given', {
        at: formatDateTime(ctx.session.privacyConsentAt, languageOf(ctx)) ?? '-',
      })}`,
    );
    return;
  }
  const markup = await deps.tokens.keyboard(
    ctx.from!.id,
    [
      [{ text: ctx.t('button-consent-accept'), action: { kind: 'consent', accept: true } }],
      [{ text: ctx.t('button-consent-decline'), action: { kind: 'consent', accept: false } }],
    ],
    BUTTON_TTL.notice,
  );
  await ctx.reply(ctx.t('privacy-notice'), { reply_markup: markup });
}

export async function languageKeyboard(ctx: BotContext, deps: BotDependencies) {
  return deps.tokens.keyboard(
    ctx.from!.id,
    [
      [
        { text: ctx.t('language-name-id'), action: { kind: 'language', language: 'id' } },
        { text: ctx.t('language-name-en'), action: { kind: 'language', language: 'en' } },
      ],
    ],
    BUTTON_TTL.notice,
  );
}

/** This chat's command menu in the user's language, with officer commands for officers. */
export async function refreshChatCommands(ctx: BotContext, deps: BotDependencies): Promise<void> {
  try {
    const officer = await deps.services.telegramIdentity.officerOf(ctx.from!.id);
    await registerChatCommands(ctx.api, deps.i18n, ctx.chat!.id, languageOf(ctx), officer);
  } catch (error) {
    // The menu is a convenience; every command works without it.
    deps.logger.warn({ error: safeError(error) }, 'could not set the chat command menu');
  }
}

/** /start: welcome, language choice, privacy notice and consent. */
export function startFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command('start', async (ctx) => {
    // Telegram's "Restart" after unblocking the bot sends /start: notices may flow again.
    await deps.services.telegramIdentity.markChatReachable(ctx.chat.id);
    await ctx.reply(ctx.t('welcome', { name: ctx.from?.first_name ?? '' }), {
      reply_markup: await languageKeyboard(ctx, deps),
    });
    await sendPrivacyNotice(ctx, deps);
    await refreshChatCommands(ctx, deps);
  });

  composer.filter(isAction('consent'), async (ctx) => {
    await ctx.answerCallbackQuery();
    if (ctx.callbackAction.accept) {
      // Notifications follow the language the user reads now, chosen or guessed from the app.
      ctx.session.language ??= languageOf(ctx);
      ctx.session.privacyConsentAt = new Date().toISOString();
      ctx.session.privacyNoticeVersion = PRIVACY_NOTICE_VERSION;
      await ctx.reply(ctx.t('privacy-thanks'));
    } else {
      delete ctx.session.privacyConsentAt;
      delete ctx.session.privacyNoticeVersion;
      await ctx.reply(ctx.t('privacy-declined'));
    }
  });

  return composer;
}
