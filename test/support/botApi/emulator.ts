// The Bot API emulator: its HTTP server and each method's answer, as tests arrange them.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InlineKeyboardMarkup, Message, Update } from 'grammy/types';
import type { RecordedCall, SentMessage } from './records.js';
import { readPayload } from './requestPayload.js';
import { TestUser } from './testUser.js';
import { UpdateQueue } from './updateQueue.js';

/**
 * A small Telegram Bot API server for tests: the methods the bot and the notification channel
 * use, long-polled getUpdates with Telegram's offset semantics (updates stay until confirmed),
 * getFile and file downloads. It records every call, lets tests inject updates as users, and can
 * answer 429 (with retry_after) or 403 (blocked) on demand.
 */

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
  private updates = new UpdateQueue();
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
    this.updates.wakeAll();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // --- What tests do -------------------------------------------------------------------------

  /** Queues an update as if a user did something; returns its update_id. */
  inject(update: Omit<Update, 'update_id'>): number {
    return this.updates.inject(update);
  }

  /** The message_id of the message an injected update carried (to match a deleteMessage call). */
  messageIdOf(updateId: number): number | undefined {
    return this.updates.messageIdOf(updateId);
  }

  /**
   * Hands out an update again with its own update_id, as Telegram does with updates that a bot
   * fetched but had not confirmed when it stopped.
   */
  redeliver(updateId: number): void {
    this.updates.redeliver(updateId);
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
        return ok(await this.updates.nextUpdates(payload, req, res));
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

  private json(res: http.ServerResponse, status: number, body: unknown): void {
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}
