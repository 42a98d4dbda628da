import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TelegramChannel } from '../../src/bot/telegramChannel.js';
import { loadConfig } from '../../src/config/config.js';
import type { OutgoingNotification } from '../../src/notifications/notificationChannel.js';
import { botStorageOver } from '../../src/runtime/botStorage.js';
import { startBotRole } from '../../src/runtime/roles.js';
import { StopStack } from '../../src/runtime/stopStack.js';
import { telegramChannelFor } from '../../src/runtime/telegramRole.js';
import { BotApiEmulator } from '../support/botApiEmulator.js';
import { testCatalog } from '../support/permitScenario.js';
import type { TestStack } from '../support/testStack.js';
import { startTestStack } from '../support/testStack.js';

let stack: TestStack;
let emulator: BotApiEmulator;
let channel: TelegramChannel;

beforeAll(async () => {
  stack = await startTestStack('bot-channel');
  emulator = await BotApiEmulator.start();
  channel = new TelegramChannel({
    botToken: emulator.token,
    apiRoot: emulator.apiRoot,
    storage: botStorageOver(stack.pool),
    catalog: testCatalog,
  });
});
afterAll(async () => {
  await emulator?.stop();
  await stack?.stop();
});

const notice = (over: Partial<OutgoingNotification>): OutgoingNotification => ({
  eventKey: `TEST-PAY-2026-000007:${Math.random()}`,
  audience: 'applicant',
  template: 'payment_requested',
  params: {
    registrationNumber: 'TEST-PAY-2026-000007',
    deadline: '2026-03-31T09:00:00.000Z',
    amount: 150000,
  },
  chatId: 7001,
  ...over,
});

describe('the Telegram notification channel', () => {
  test('writes in the recipient language, with amounts and Jakarta times', async () => {
    await stack.pool.query("INSERT INTO bot_users (telegram_user_id, language) VALUES (7002, 'en')");
    expect(await channel.send(notice({ chatId: 7001 }))).toBe('sent');
    expect(await channel.send(notice({ chatId: 7002 }))).toBe('sent');
    const [id, en] = [emulator.messagesTo(7001)[0]!, emulator.messagesTo(7002)[0]!];
    expect(id.text).toContain('Retribusi: Rp 150.000');
    expect(id.text).toContain('Selasa, 31 Maret 2026 pukul 16.00 WIB');
    expect(en.text).toContain('Levy: IDR 150,000');
    expect(en.text).toContain('Tuesday, 31 March 2026 at 16:00 WIB');
  });

  test('a revision request carries the corrections button; a group alert carries none', async () => {
    await channel.send(
      notice({
        template: 'revision_requested',
        chatId: 7003,
        params: { registrationNumber: 'TEST-PAY-2026-000007', note: 'KTP buram', deadline: null },
      }),
    );
    const revision = emulator.messagesTo(7003)[0]!;
    expect(revision.text).toContain('Catatan: KTP buram');
    expect(revision.text).toContain('belum ditentukan');
    expect(revision.replyMarkup?.inline_keyboard.flat().map((b) => b.text)).toEqual(['✏️ Kirim perbaikan']);
    await channel.send(
      notice({
        template: 'sla_breach',
        audience: 'managers',
        chatId: -100777,
        params: { registrationNumber: 'TEST-PAY-2026-000007', stage: 'review' },
      }),
    );
    const group = emulator.messagesTo(-100777)[0]!;
    expect(group.text).toContain('Tinjauan teknis');
    expect(group.replyMarkup).toBeUndefined();
  });

  test('an unknown template still tells the recipient something useful', async () => {
    await channel.send(notice({ template: 'something_new', chatId: 7004 }));
    expect(emulator.messagesTo(7004)[0]!.text).toContain('Ada kabar tentang berkas TEST-PAY-2026-000007');
  });

  test('a chat that blocked the bot answers blocked; other failures throw for the dispatcher to retry', async () => {
    emulator.blocked.add(7005);
    expect(await channel.send(notice({ chatId: 7005 }))).toBe('blocked');
    emulator.failWith429('sendMessage', { chatId: 7006, retryAfter: 120 });
    // Longer than the channel waits in place: the send fails and the outbox dispatcher retries later.
    await expect(channel.send(notice({ chatId: 7006 }))).rejects.toThrow(/429/);
  });

  test('a digest lists each notice on a line of its own, in the chat language, without buttons', async () => {
    await stack.pool.query("INSERT INTO bot_users (telegram_user_id, language) VALUES (7012, 'en')");
    const file = (n: number, template: string, audience = 'role') => ({
      eventKey: `digest:${n}:${Math.random()}`,
      audience,
      template,
      params: {
        registrationNumber: `TEST-FREE-2026-00000${n}`,
        stage: 'completeness',
        deadline: '2026-03-31T09:00:00.000Z',
      },
    });
    const notices = [file(1, 'stage_assigned'), file(2, 'sla_reminder'), file(3, 'sla_breach', 'managers')];
    expect(await channel.sendDigest({ chatId: 7011, notices })).toBe('sent');
    expect(await channel.sendDigest({ chatId: 7012, notices })).toBe('sent');
    const [id, en] = [emulator.messagesTo(7011), emulator.messagesTo(7012)];
    expect(id).toHaveLength(1);
    expect(en).toHaveLength(1);
    expect(id[0]!.replyMarkup).toBeUndefined();
    const idLines = id[0]!.text.split('\n');
    expect(idLines[0]).toContain('3 pemberitahuan berkas');
    expect(idLines.filter((l) => l.startsWith('• '))).toHaveLength(3);
    expect(idLines[1]).toContain('TEST-FREE-2026-000001');
    expect(idLines[1]).toContain('Pemeriksaan kelengkapan berkas');
    expect(idLines[1]).toContain('31 Maret 2026 pukul 16.00 WIB');
    expect(idLines[3]).toContain('TEST-FREE-2026-000003');
    expect(id[0]!.text).toContain('/tugas');
    expect(id[0]!.text).toContain('/sla');
    expect(en[0]!.text).toContain('3 file notices for you');
    expect(en[0]!.text).toContain('Completeness check');
    expect(en[0]!.text).toContain('/inbox');
  });

  test('successive notices to one chat are paced about a second apart', async () => {
    const started = Date.now();
    await Promise.all([1, 2, 3].map(() => channel.send(notice({ chatId: 7007 }))));
    const times = emulator
      .callsOf('sendMessage')
      .filter((c) => c.payload.chat_id === 7007)
      .map((c) => c.at);
    expect(times).toHaveLength(3);
    expect(times[2]! - times[0]!).toBeGreaterThanOrEqual(1900);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('without TELEGRAM_BOT_TOKEN', () => {
  test('the worker gets no channel, the bot role is off, and the log says so', async () => {
    const lines: string[] = [];
    const log = pino(
      { level: 'info' },
      new Writable({
        write: (chunk, _encoding, done) => {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const config = loadConfig({});
    expect(telegramChannelFor(config, stack.pool, log)).toBeUndefined();
    const stops = new StopStack();
    const infra = {
      databaseUrl: stack.databaseUrl,
      migrationDatabaseUrl: stack.migrationDatabaseUrl,
      temporal: { address: 'unused:7233', namespace: 'default', tls: false, apiKey: undefined },
    };
    expect(await startBotRole(config, infra, stack.pool, log, stops)).toBe('off');
    await stops.stopAll();
    expect(lines.join('')).toContain('Telegram bot is off');
    const withToken = loadConfig({ TELEGRAM_BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot });
    expect(telegramChannelFor(withToken, stack.pool, log)).toBeInstanceOf(TelegramChannel);
  });
});
