import express from 'express';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createBot } from '../../src/bot/createBot.js';
import { startWebhook, WEBHOOK_PATH, webhookSecret, withTelegramWebhook } from '../../src/bot/runBot.js';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { botStorageOver } from '../../src/runtime/botStorage.js';
import { serve } from '../support/httpServer.js';
import { officers } from '../support/permitScenario.js';
import { waitFor } from '../support/waitFor.js';
import { type BotHarness, logger, startBotHarness } from './botHarness.js';

let h: BotHarness;
let server: { url: string; close: () => Promise<void> };
const secret = 'webhook-secret-for-tests-0123456789';

beforeAll(async () => {
  h = await startBotHarness('bot-webhook');
  const bot = createBot({
    token: h.emulator.token,
    apiRoot: h.emulator.apiRoot,
    services: h.services,
    storage: botStorageOver(h.stack.pool),
    logger,
  });
  const handler = await startWebhook(bot, logger, { publicUrl: 'https://izin.example.go.id', secret });
  // The API app stands in for the real one: its routes stay reachable behind the webhook route.
  const api = express();
  api.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  server = await serve(withTelegramWebhook(api, handler));
});
afterAll(async () => {
  await server?.close();
  await h?.stop();
});

const update = (updateId: number, text: string, userId = 6001) => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: userId, type: 'private', first_name: 'Budi' },
    from: { id: userId, is_bot: false, first_name: 'Budi', language_code: 'id' },
    text,
    entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }],
  },
});

const post = (body: unknown, token?: string) =>
  fetch(`${server.url}${WEBHOOK_PATH}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { 'x-telegram-bot-api-secret-token': token } : {}),
    },
    body: JSON.stringify(body),
  });

describe('webhook mode', () => {
  test('registers PUBLIC_URL + /telegram/webhook with the secret', () => {
    const call = h.emulator.callsOf('setWebhook')[0];
    expect(call?.payload).toMatchObject({
      url: 'https://izin.example.go.id/telegram/webhook',
      secret_token: secret,
    });
  });

  test('refuses calls without the right secret and handles those with it', async () => {
    expect((await post(update(1, '/start'))).status).toBe(401);
    expect((await post(update(2, '/start'), 'wrong-secret-wrong-secret')).status).toBe(401);
    expect(h.emulator.callsOf('sendMessage')).toHaveLength(0);

    const accepted = await post(update(3, '/start'), secret);
    expect(accepted.status).toBe(200);
    await h.emulator.user(6001).expect('Selamat datang, Budi!');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  test('command menus: Indonesian by default, English for English apps, officer commands per officer chat', async () => {
    const menus = h.emulator.callsOf('setMyCommands');
    const names = (payload: Record<string, unknown>) =>
      (payload.commands as { command: string }[]).map((c) => c.command);
    const indonesian = menus.find((c) => !c.payload.language_code && !c.payload.scope)!;
    expect(names(indonesian.payload)).toEqual([
      'start',
      'ajukan',
      'cek',
      'permohonan',
      'batal',
      'survei',
      'pengaduan',
      'cekaduan',
      'bahasa',
      'bantuan',
    ]);
    const english = menus.find((c) => c.payload.language_code === 'en')!;
    expect(names(english.payload)).toEqual([
      'start',
      'apply',
      'status',
      'mine',
      'withdraw',
      'survey',
      'complaint',
      'checkcomplaint',
      'language',
      'help',
    ]);

    expect((await post(update(10, '/start', officers.manager.chat), secret)).status).toBe(200);
    const managerMenu = await waitFor('the manager chat menu', () =>
      h.emulator
        .callsOf('setMyCommands')
        .find(
          (c) => (c.payload.scope as { chat_id?: number } | undefined)?.chat_id === officers.manager.chat,
        ),
    );
    expect(names(managerMenu.payload)).toEqual(
      expect.arrayContaining([
        'ajukan',
        'pengaduan',
        'tugas',
        'setujui',
        'tolak',
        'perbaiki',
        'sla',
        'aduan',
      ]),
    );
  });

  test('the secret is taken from TELEGRAM_WEBHOOK_SECRET or derived from the token, and validated', () => {
    const derived = webhookSecret('123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', undefined);
    expect(derived).toMatch(/^[A-Za-z0-9_-]{16,256}$/);
    expect(webhookSecret('123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', undefined)).toBe(derived);
    expect(webhookSecret('123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', secret)).toBe(secret);
    expect(loadConfig({ TELEGRAM_WEBHOOK_SECRET: secret }).telegram.webhookSecret).toBe(secret);
    expect(loadConfig({ TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/' }).telegram.apiRoot).toBe(
      'http://127.0.0.1:8081',
    );
    expect(() => loadConfig({ TELEGRAM_WEBHOOK_SECRET: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ TELEGRAM_WEBHOOK_SECRET: 'has spaces in it, not allowed' })).toThrow(
      /TELEGRAM_WEBHOOK_SECRET: expected 16-256 characters/,
    );
  });
});
