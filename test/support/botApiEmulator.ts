import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InlineKeyboardMarkup, Message, Update } from 'grammy/types';
import { waitFor } from './waitFor.js';

/**
 * A small Telegram Bot API server for tests: the methods the bot and the notification channel
 * use, long-polled getUpdates with Telegram's offset semantics (updates stay until confirmed),
 * getFile and file downloads. It records every call, lets tests inject updates as users, and can
 * answer 429 (with retry_after) or 403 (blocked) on demand.
 */

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  at: number;
}

export interface SentMessage {
  method: string;
  chatId: number;
  messageId: number;
  text: string;
  replyMarkup: InlineKeyboardMarkup | undefined;
  /** For sendDocument/sendPhoto: the uploaded file's name, or the file ID sent. */
  document?: string;
  /** For an uploaded document or photo: its bytes as received. */
  documentBytes?: Buffer;
  at: number;
}

interface StoredFile {
  fileId: string;
  uniqueId: string;
  path: string;
  bytes: Buffer;
}

interface Failure {
  method: string;
  chatId: number | undefined;
  remaining: number;
  /** A window instead of a count: every matching call fails until this time (ms since epoch). */
  until?: number;
  status: number;
  body: Record<string, unknown>;
}

const ok = (result: unknown) => ({ ok: true, result });

export class BotApiEmulator {
  readonly token = `7000001:${randomBytes(18).toString('base64url')}`;
  readonly botUser = {
    id: 7000001,
    is_bot: true,
    first_name: 'Perizinan Serang',
    username: 'perizinan_test_bot',
  };
  readonly calls: RecordedCall[] = [];
  readonly sent: SentMessage[] = [];
  readonly blocked = new Set<number>();
  apiRoot = '';
  /** Called with every call as it arrives (the bot benchmark times the bot's replies with it). */
  onCall: ((call: RecordedCall) => void) | undefined;

  private server!: http.Server;
  private pending: Update[] = [];
  /** Updates handed out again by `redeliver`, below the bot's offset by then. */
  private redelivering = new Set<number>();
  private delivered = new Map<number, Update>();
  private nextUpdateId = 1;
  private wakeups = new Set<() => void>();
  private messageIds = new Map<number, number>();
  private files = new Map<string, StoredFile>();
  private failures: Failure[] = [];
  /** Calls answered with an injected failure, by HTTP status. */
  readonly injected: Record<number, number> = {};

  static async start(): Promise<BotApiEmulator> {
    const emulator = new BotApiEmulator();
    emulator.server = http.createServer((req, res) => {
      emulator.handle(req, res).catch((error) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error_code: 500, description: String(error) }));
      });
    });
    await new Promise<void>((resolve) => emulator.server.listen(0, '127.0.0.1', resolve));
    emulator.apiRoot = `http://127.0.0.1:${(emulator.server.address() as AddressInfo).port}`;
    return emulator;
  }

  async stop(): Promise<void> {
    for (const wake of this.wakeups) wake();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // --- What tests do -------------------------------------------------------------------------

  /** Queues an update as if a user did something; returns its update_id. */
  inject(update: Omit<Update, 'update_id'>): number {
    const update_id = this.nextUpdateId++;
    const full = { update_id, ...update } as Update;
    this.delivered.set(update_id, full);
    this.pending.push(full);
    for (const wake of this.wakeups) wake();
    return update_id;
  }

  /** The message_id of the message an injected update carried (to match a deleteMessage call). */
  messageIdOf(updateId: number): number | undefined {
    return this.delivered.get(updateId)?.message?.message_id;
  }

  /**
   * Hands out an update again with its own update_id, as Telegram does with updates that a bot
   * fetched but had not confirmed when it stopped.
   */
  redeliver(updateId: number): void {
    const update = this.delivered.get(updateId);
    if (!update) throw new Error(`no update ${updateId}`);
    this.redelivering.add(updateId);
    this.pending.unshift(update);
    for (const wake of this.wakeups) wake();
  }

  user(id: number, options: { languageCode?: string; firstName?: string } = {}): TestUser {
    return new TestUser(this, id, options.languageCode ?? 'id', options.firstName ?? `User ${id}`);
  }

  /** Keeps a file the way Telegram keeps uploads, for getFile and download. */
  storeFile(bytes: Buffer, extension: string): { fileId: string; uniqueId: string } {
    const fileId = `F${randomBytes(12).toString('hex')}`;
    const uniqueId = `U${randomBytes(6).toString('hex')}`;
    this.files.set(fileId, { fileId, uniqueId, path: `documents/${uniqueId}.${extension}`, bytes });
    return { fileId, uniqueId };
  }

  /** The next `times` calls of `method` (to `chatId`, if given) answer 429 with `retry_after`. */
  failWith429(method: string, options: { times?: number; retryAfter: number; chatId?: number }): void {
    this.failures.push({
      method,
      chatId: options.chatId,
      remaining: options.times ?? 1,
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${options.retryAfter}`,
        parameters: { retry_after: options.retryAfter },
      },
    });
  }

  /** Every call of `method` answers `status` (a server error by default) for the next `forMs`. */
  failFor(method: string, options: { forMs: number; status?: number }): void {
    const status = options.status ?? 502;
    this.failures.push({
      method,
      chatId: undefined,
      remaining: 0,
      until: Date.now() + options.forMs,
      status,
      body: { ok: false, error_code: status, description: 'Bad Gateway' },
    });
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  messagesTo(chatId: number): SentMessage[] {
    return this.sent.filter((m) => m.chatId === chatId);
  }

  nextMessageId(chatId: number): number {
    const next = (this.messageIds.get(chatId) ?? 0) + 1;
    this.messageIds.set(chatId, next);
    return next;
  }

  // --- The Bot API ---------------------------------------------------------------------------

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.apiRoot);
    const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileMatch) {
      const file = [...this.files.values()].find((f) => f.path === fileMatch[2]);
      if (fileMatch[1] !== this.token || !file) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file.bytes);
      return;
    }
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match || match[1] !== this.token) {
      this.json(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    const method = match[2]!;
    const payload = await readPayload(req);
    const call = { method, payload, at: Date.now() };
    this.calls.push(call);
    this.onCall?.(call);

    const chatId = payload.chat_id === undefined ? undefined : Number(payload.chat_id);
    const now = Date.now();
    const failure = this.failures.find(
      (f) =>
        (f.until === undefined ? f.remaining > 0 : now < f.until) &&
        f.method === method &&
        (f.chatId === undefined || f.chatId === chatId),
    );
    if (failure) {
      failure.remaining -= 1;
      this.injected[failure.status] = (this.injected[failure.status] ?? 0) + 1;
      this.json(res, failure.status, failure.body);
      return;
    }
    if (chatId !== undefined && this.blocked.has(chatId) && method.startsWith('send')) {
      this.json(res, 403, {
        ok: false,
        error_code: 403,
        description: 'Forbidden: bot was blocked by the user',
      });
      return;
    }
    this.json(res, 200, await this.answer(method, payload, chatId, req, res));
  }

  private async answer(
    method: string,
    payload: Record<string, unknown>,
    chatId: number | undefined,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return ok(this.botUser);
      case 'getUpdates':
        return ok(await this.nextUpdates(payload, req, res));
      case 'sendMessage':
        return ok(this.record(method, chatId!, String(payload.text ?? ''), payload));
      case 'sendDocument':
      case 'sendPhoto': {
        const sent = this.record(method, chatId!, String(payload.caption ?? ''), payload);
        const file = payload.document ?? payload.photo;
        sent.document =
          typeof file === 'string' ? file : String((file as { name?: string })?.name ?? 'upload');
        if (typeof file !== 'string') sent.documentBytes = (file as { bytes?: Buffer } | undefined)?.bytes;
        return ok(this.message(sent));
      }
      case 'editMessageText':
      case 'editMessageReplyMarkup': {
        const target = this.sent.find(
          (m) => m.chatId === chatId && m.messageId === Number(payload.message_id),
        );
        if (target) {
          if (method === 'editMessageText') target.text = String(payload.text ?? '');
          target.replyMarkup = payload.reply_markup as InlineKeyboardMarkup | undefined;
        }
        return ok(target ? this.message(target) : true);
      }
      case 'getFile': {
        const file = this.files.get(String(payload.file_id));
        if (!file) return { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' };
        return ok({
          file_id: file.fileId,
          file_unique_id: file.uniqueId,
          file_size: file.bytes.length,
          file_path: file.path,
        });
      }
      default:
        // setMyCommands, deleteWebhook, setWebhook, answerCallbackQuery, deleteMessage, ...
        return ok(true);
    }
  }

  private record(
    method: string,
    chatId: number,
    text: string,
    payload: Record<string, unknown>,
  ): SentMessage {
    const sent: SentMessage = {
      method,
      chatId,
      messageId: this.nextMessageId(chatId),
      text,
      replyMarkup: payload.reply_markup as InlineKeyboardMarkup | undefined,
      at: Date.now(),
    };
    this.sent.push(sent);
    return sent;
  }

  message(sent: SentMessage): Message {
    return {
      message_id: sent.messageId,
      date: Math.floor(sent.at / 1000),
      chat:
        sent.chatId > 0
          ? { id: sent.chatId, type: 'private', first_name: 'Chat' }
          : { id: sent.chatId, type: 'group', title: 'Group' },
      from: this.botUser,
      text: sent.text,
      ...(sent.replyMarkup ? { reply_markup: sent.replyMarkup } : {}),
    } as Message;
  }

  /** Telegram's long poll: confirm what is below `offset`, return what is left or wait for some. */
  private async nextUpdates(
    payload: Record<string, unknown>,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): Promise<Update[]> {
    const offset = Number(payload.offset ?? 0);
    const limit = Number(payload.limit ?? 100);
    const timeoutMs = Math.min(Number(payload.timeout ?? 0), 30) * 1000;
    // Confirmed (below the offset) updates go, except redelivered ones, which go out once more.
    const redelivered = this.pending.filter(
      (u) => u.update_id < offset && this.redelivering.has(u.update_id),
    );
    this.pending = this.pending.filter((u) => u.update_id >= offset);
    for (const u of redelivered) this.redelivering.delete(u.update_id);
    if (redelivered.length > 0) return redelivered;
    if (this.pending.length === 0 && timeoutMs > 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.wakeups.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, timeoutMs);
        this.wakeups.add(wake);
        req.on('close', () => {
          if (!res.writableEnded) wake();
        });
      });
    }
    const handedOut = this.pending.slice(0, limit);
    // Handed out once more: that was the redelivery.
    for (const u of handedOut) this.redelivering.delete(u.update_id);
    return handedOut;
  }

  private json(res: http.ServerResponse, status: number, body: unknown): void {
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}

async function readPayload(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if (body.length === 0) return {};
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) return JSON.parse(body.toString('utf8'));
  const boundary = /boundary=(.+)$/.exec(type)?.[1];
  if (type.includes('multipart/form-data') && boundary) return parseMultipart(body, boundary);
  return {};
}

/**
 * The multipart form grammY sends for uploads (unquoted file names, `attach://` references):
 * fields as strings (JSON ones parsed), files as their name, size and bytes.
 */
function parseMultipart(body: Buffer, boundary: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const files = new Map<string, { name: string; size: number; bytes: Buffer }>();
  for (const part of body.toString('latin1').split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const headers = part.slice(0, split);
    const value = part.slice(split + 4).replace(/\r\n$/, '');
    const name = /name="?([^";\r\n]+)"?/.exec(headers)?.[1];
    const fileName = /filename="?([^";\r\n]+)"?/.exec(headers)?.[1];
    if (!name) continue;
    if (fileName) {
      const bytes = Buffer.from(value, 'latin1');
      files.set(name, { name: fileName, size: bytes.length, bytes });
    } else {
      const text = Buffer.from(value, 'latin1').toString('utf8');
      fields[name] = /^[[{]/.test(text) ? JSON.parse(text) : text;
    }
  }
  for (const [key, value] of Object.entries(fields)) {
    const reference = typeof value === 'string' ? /^attach:\/\/(.+)$/.exec(value)?.[1] : undefined;
    if (reference && files.has(reference)) fields[key] = files.get(reference);
  }
  return fields;
}

/** A Telegram user in a private chat with the bot: sends messages, presses buttons, reads replies. */
export class TestUser {
  /** Messages already matched by an expectation. */
  private readonly taken = new Set<SentMessage>();

  constructor(
    private readonly emulator: BotApiEmulator,
    readonly id: number,
    readonly languageCode: string,
    readonly firstName: string,
  ) {}

  private base() {
    return {
      message_id: this.emulator.nextMessageId(this.id),
      date: Math.floor(Date.now() / 1000),
      chat: { id: this.id, type: 'private' as const, first_name: this.firstName },
      from: { id: this.id, is_bot: false, first_name: this.firstName, language_code: this.languageCode },
    };
  }

  /** Sends text; a leading /command gets its bot_command entity, as Telegram's apps add it. */
  send(text: string): number {
    const command = /^\/\S+/.exec(text);
    return this.emulator.inject({
      message: {
        ...this.base(),
        text,
        ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
      },
    } as Omit<Update, 'update_id'>);
  }

  sendDocument(bytes: Buffer, options: { mimeType: string; fileName: string; sizeBytes?: number }): number {
    const { fileId, uniqueId } = this.emulator.storeFile(bytes, options.fileName.split('.').pop() ?? 'bin');
    return this.emulator.inject({
      message: {
        ...this.base(),
        document: {
          file_id: fileId,
          file_unique_id: uniqueId,
          file_name: options.fileName,
          mime_type: options.mimeType,
          file_size: options.sizeBytes ?? bytes.length,
        },
      },
    } as Omit<Update, 'update_id'>);
  }

  sendPhoto(bytes: Buffer): number {
    const { fileId, uniqueId } = this.emulator.storeFile(bytes, 'jpg');
    return this.emulator.inject({
      message: {
        ...this.base(),
        photo: [
          { file_id: fileId, file_unique_id: uniqueId, width: 800, height: 600, file_size: bytes.length },
        ],
      },
    } as Omit<Update, 'update_id'>);
  }

  /**
   * Presses the button whose label matches, on the given message or else on the newest message
   * to this user that has one (waiting, bounded, for such a message to arrive).
   */
  async press(label: RegExp | string, options: { callbackQueryId?: string; on?: SentMessage } = {}) {
    const matches = (text: string) => (typeof label === 'string' ? text.includes(label) : label.test(text));
    const found = await waitFor(`a button ${String(label)} in the messages to ${this.id}`, () => {
      const candidates = options.on ? [options.on] : [...this.emulator.messagesTo(this.id)].reverse();
      for (const message of candidates) {
        const button = message.replyMarkup?.inline_keyboard.flat().find((b) => matches(b.text));
        if (button && 'callback_data' in button) return { message, data: button.callback_data };
      }
      return undefined;
    });
    return this.pressData(found.data, found.message, options.callbackQueryId);
  }

  /** Sends a callback query with exactly this data (forged, stale or replayed buttons). */
  pressData(data: string, message: SentMessage, callbackQueryId = randomBytes(8).toString('hex')) {
    const updateId = this.emulator.inject({
      callback_query: {
        id: callbackQueryId,
        from: { id: this.id, is_bot: false, first_name: this.firstName, language_code: this.languageCode },
        chat_instance: `ci${this.id}`,
        message: this.emulator.message(message),
        data,
      },
    } as Omit<Update, 'update_id'>);
    return { callbackQueryId, updateId, data };
  }

  /**
   * Waits for a message to this user, not yet taken by an earlier expect, whose text matches;
   * the oldest such message is taken. Notices from the worker and the bot's replies may arrive
   * in either order, so messages skipped over stay available to later expectations.
   */
  async expect(pattern: RegExp | string, timeoutMs = 15_000): Promise<SentMessage> {
    const matches = (text: string) =>
      typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
    const found = await waitFor(
      `a message to ${this.id} matching ${String(pattern)}`,
      () => this.emulator.sent.find((m) => m.chatId === this.id && !this.taken.has(m) && matches(m.text)),
      timeoutMs,
    );
    this.taken.add(found);
    return found;
  }

  /** Waits for the bot's answer to a callback query (the toast or alert on the button). */
  async expectCallbackAnswer(callbackQueryId: string, timeoutMs = 15_000): Promise<string> {
    const call = await waitFor(
      `the answer to callback ${callbackQueryId}`,
      () =>
        this.emulator
          .callsOf('answerCallbackQuery')
          .find((c) => c.payload.callback_query_id === callbackQueryId),
      timeoutMs,
    );
    return String(call.payload.text ?? '');
  }

  messages(): SentMessage[] {
    return this.emulator.messagesTo(this.id);
  }
}
