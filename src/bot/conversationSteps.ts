import type { Conversation } from '@grammyjs/conversations';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { DocumentDef, FieldDef, PermitType } from '../domain/catalog/catalogSchema.js';
import { formatDocumentSize } from '../domain/catalog/documentSize.js';
import type { FormValue } from '../domain/catalog/formValidation.js';
import type { UploadReference } from '../services/index.js';
import { ServiceError } from '../services/index.js';
import { BUTTON_TTL, type CallbackAction, type CallbackActionKind } from './callbackActions.js';
import type { ButtonSpec } from './callbackTokens.js';
import type { BotContext, BotDependencies, ConversationContext, Language } from './context.js';
import { pick, type Translate } from './i18n.js';
import { safeError } from './safeError.js';
import { downloadTelegramFile } from './telegramFiles.js';

// Building blocks of the bot's conversations. Conversations are replayed from their stored log
// at every update, so anything with side effects or I/O runs in `conversation.external`.

export type BotConversation = Conversation<BotContext, ConversationContext>;

/** Longest free-text answer taken in; a field may set a lower limit of its own. */
export const MAX_ANSWER_LENGTH = 1000;

export interface IncomingFile {
  fileId: string;
  mimeType: string;
  sizeBytes: number;
}

export type StepInput =
  | { kind: 'text'; text: string; ctx: ConversationContext }
  | { kind: 'action'; action: CallbackAction; ctx: ConversationContext }
  | { kind: 'file'; file: IncomingFile; ctx: ConversationContext };

/** One conversation's fixed facts, passed to every step. */
export interface ConversationScope {
  conversation: BotConversation;
  deps: BotDependencies;
  t: Translate;
  language: Language;
  /** The update that started the conversation: names its buttons and its idempotency key. */
  run: number;
  userId: number;
  chatId: number;
  reply: (text: string, markup?: InlineKeyboardMarkup) => Promise<unknown>;
}

export function openConversationScope(
  conversation: BotConversation,
  ctx: ConversationContext,
  deps: BotDependencies,
  t: Translate,
  language: Language,
  run: number,
): ConversationScope {
  return {
    conversation,
    deps,
    t,
    language,
    run,
    userId: ctx.from!.id,
    chatId: ctx.chat!.id,
    reply: (text, markup) => ctx.reply(text, markup ? { reply_markup: markup } : {}),
  };
}

/** Buttons for this user, their tokens stored once (not again at each replay). */
export function keyboard(s: ConversationScope, rows: ButtonSpec[][]): Promise<InlineKeyboardMarkup> {
  return s.conversation.external(() => s.deps.tokens.keyboard(s.userId, rows, BUTTON_TTL.step));
}

function incomingFile(ctx: ConversationContext): IncomingFile | null {
  const message = ctx.message;
  if (message?.document) {
    return {
      fileId: message.document.file_id,
      mimeType: message.document.mime_type ?? 'application/octet-stream',
      sizeBytes: message.document.file_size ?? 0,
    };
  }
  const photo = message?.photo?.at(-1); // the largest size Telegram made of the picture
  if (photo) return { fileId: photo.file_id, mimeType: 'image/jpeg', sizeBytes: photo.file_size ?? 0 };
  return null;
}

/**
 * Waits for an answer this step takes: text, a file, or one of its own buttons. Commands and
 * buttons that are not this step's go on to the rest of the bot (so /cek works mid-way and a
 * stale button is answered as such); anything else gets the step's hint and a new wait.
 */
export async function nextInput(
  s: ConversationScope,
  accepts: {
    text?: boolean;
    files?: boolean;
    actions?: CallbackActionKind[];
    /** Narrows the buttons further (e.g. to the field being asked). */
    matches?: (action: CallbackAction) => boolean;
    hint: string;
  },
): Promise<StepInput> {
  for (;;) {
    const ctx = await s.conversation.wait();
    if (ctx.callbackQuery) {
      const action = await s.conversation.external((outer) => outer.callbackAction ?? null);
      const ours =
        action &&
        'run' in action &&
        action.run === s.run &&
        accepts.actions?.includes(action.kind) &&
        (accepts.matches?.(action) ?? true);
      if (action && ours) {
        await ctx.answerCallbackQuery();
        return { kind: 'action', action, ctx };
      }
      return s.conversation.skip({ next: true });
    }
    const message = ctx.message;
    if (!message || message.text?.startsWith('/')) return s.conversation.skip({ next: true });
    if (accepts.text && message.text !== undefined) return { kind: 'text', text: message.text, ctx };
    const file = incomingFile(ctx);
    if (accepts.files && file) return { kind: 'file', file, ctx };
    await ctx.reply(accepts.hint);
  }
}

/**
 * Asks one form field until the answer passes the catalog's check (the submission's own rule),
 * explaining each refusal. Returns null when an optional field is skipped.
 */
export async function askField(
  s: ConversationScope,
  permitType: PermitType,
  field: FieldDef,
  position: { index: number; total: number },
  options: { allowSkip: boolean },
): Promise<{ raw: string; value: FormValue } | null> {
  const optional = options.allowSkip && !field.required;
  const rows: ButtonSpec[][] = (field.options ?? []).map((option) => [
    {
      text: option.label[s.language],
      action: { kind: 'form.option', run: s.run, field: `field:${field.key}`, value: option.value },
    },
  ]);
  if (optional) {
    rows.push([
      { text: s.t('button-skip'), action: { kind: 'form.skip', run: s.run, field: `field:${field.key}` } },
    ]);
  }
  const lines = [
    s.t('form-field-prompt', {
      index: position.index,
      total: position.total,
      label: field.label[s.language],
    }),
    ...(field.help ? [field.help[s.language]] : []),
    ...(field.type === 'select' ? [s.t('form-field-choose')] : []),
    ...(optional ? [s.t('form-field-optional')] : []),
    s.t('form-cancel-hint'),
  ];
  await s.reply(lines.join('\n'), rows.length > 0 ? await keyboard(s, rows) : undefined);
  for (;;) {
    const input = await nextInput(s, {
      text: true,
      actions: ['form.option', 'form.skip'],
      matches: (action) => 'field' in action && action.field === `field:${field.key}`,
      hint: s.t('form-field-text-expected'),
    });
    if (input.kind === 'action' && input.action.kind === 'form.skip') {
      if (optional) return null;
      continue;
    }
    const raw =
      input.kind === 'action' && input.action.kind === 'form.option'
        ? input.action.value
        : input.kind === 'text'
          ? input.text
          : '';
    if ([...raw].length > MAX_ANSWER_LENGTH) {
      await s.reply(s.t('answer-too-long', { max: MAX_ANSWER_LENGTH }));
      continue;
    }
    const check = s.deps.services.intake.checkField(permitType.code, field.key, raw);
    if (check.ok && check.value !== undefined) return { raw, value: check.value };
    if (check.ok) {
      // A blank answer to an optional field counts as skipping it.
      if (optional) return null;
      continue;
    }
    await s.reply(`${pick(check.message, s.language)}\n${s.t('form-try-again')}`);
  }
}

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

/**
 * Asks for one document as a photo or a file: the declared type and size are checked at once,
 * then the file is fetched and its real content checked and stored. Null when skipped.
 */
export async function askDocument(
  s: ConversationScope,
  permitType: PermitType,
  document: DocumentDef,
  position: { index: number; total: number },
  options: { allowSkip: boolean; forFile?: string },
): Promise<(UploadReference & { uploadToken: string }) | null> {
  const optional = options.allowSkip && !document.required;
  const types = document.mimeTypes.map((m) => TYPE_NAMES[m] ?? m).join(', ');
  const lines = [
    s.t('form-document-prompt', {
      index: position.index,
      total: position.total,
      label: document.label[s.language],
      types,
      maxSize: formatDocumentSize(document.maxSizeBytes, s.language),
    }),
    ...(optional ? [s.t('form-document-optional')] : []),
    s.t('form-cancel-hint'),
  ];
  const skip: ButtonSpec[][] = optional
    ? [
        [
          {
            text: s.t('button-skip'),
            action: { kind: 'form.skip', run: s.run, field: `document:${document.kind}` },
          },
        ],
      ]
    : [];
  await s.reply(lines.join('\n'), skip.length > 0 ? await keyboard(s, skip) : undefined);
  for (;;) {
    const input = await nextInput(s, {
      files: true,
      actions: ['form.skip'],
      matches: (action) => 'field' in action && action.field === `document:${document.kind}`,
      hint: s.t('form-document-expected', { label: document.label[s.language], types }),
    });
    if (input.kind === 'action') {
      if (optional) return null;
      continue;
    }
    if (input.kind !== 'file') continue;
    const { file } = input;
    const declared = s.deps.services.intake.checkDocument(permitType.code, document.kind, file);
    if (!declared.ok) {
      await s.reply(`${pick(declared.message, s.language)}\n${s.t('form-try-again')}`);
      continue;
    }
    const stored = await s.conversation.external(async (outer) => {
      try {
        const result = await downloadTelegramFile(s.deps, outer.api, file.fileId, {
          permitTypeCode: permitType.code,
          kind: document.kind,
          ...(options.forFile ? { registrationNumber: options.forFile } : {}),
        });
        return { ok: true as const, ...result };
      } catch (error) {
        if (error instanceof ServiceError) return { ok: false as const, message: error.text };
        s.deps.logger.warn(
          { error: safeError(error), documentKind: document.kind },
          'document download failed',
        );
        return { ok: false as const, message: null };
      }
    });
    if (!stored.ok) {
      const why = stored.message ? pick(stored.message, s.language) : s.t('form-document-download-failed');
      await s.reply(`${why}\n${s.t('form-try-again')}`);
      continue;
    }
    await s.reply(s.t('form-document-received', { label: document.label[s.language] }));
    return {
      kind: document.kind,
      sha256: stored.sha256,
      uploadToken: stored.uploadToken,
      telegramFileId: file.fileId,
    };
  }
}

/** Waits for one of the given buttons of this conversation; other input gets the hint. */
export async function waitForChoice<K extends CallbackActionKind>(
  s: ConversationScope,
  kinds: K[],
  hint: string,
): Promise<Extract<CallbackAction, { kind: K }>> {
  const input = await nextInput(s, { actions: kinds, hint });
  return (input as Extract<StepInput, { kind: 'action' }>).action as Extract<CallbackAction, { kind: K }>;
}
