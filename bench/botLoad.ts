// Benchmark (a script, not a test): `npm run bench:bot`. On the cluster shape (the fault drills'
// stack: Temporal's services on PostgreSQL, two permit workers, two APIs, the bot polling the Bot
// API emulator), 200 Telegram users send updates open-loop at 50/s for 60 s: citizens
// `/status <number> <access code>` of the file they filed and presses of their language button,
// officers `/tugas` (their inbox) and presses of an inbox item's documents button. Prints update →
// first reply p50/p99/max per kind (target p99 ≤ 150 ms) and the updates left without a reply.
// BENCH_DURATION_S=10 BENCH_BOT_RATE=10 makes a quick smoke run.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { startDrillStack } from './drills/drillStack.js';
import { type BotUser, prepareBotUsers } from './lib/botUsers.js';
import { clusterProcesses, profiledRoles } from './lib/clusterBenchStack.js';
import { printCpuTable, printMachine, printVerdicts } from './lib/cpuReport.js';
import { percentile } from './lib/load.js';
import { cpuDelta, idleCores, REST_OF_MACHINE, readCpu, untilStackQuiet } from './lib/processCpu.js';
import { latencyFigures, ReplyWatch } from './lib/replyWatch.js';

const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const RATE = number('BENCH_BOT_RATE', 50);
const DURATION_MS = number('BENCH_DURATION_S', 60) * 1000;
const USERS = number('BENCH_BOT_USERS', 200);
const OFFICERS = number('BENCH_BOT_OFFICERS', 20);
/** A reply later than this counts as none. */
const PATIENCE_MS = number('BENCH_BOT_PATIENCE_S', 10) * 1000;
const P99_TARGET_MS = 150;
const SCRATCH_ROOT = process.env.BENCH_SCRATCH ?? os.tmpdir();
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

const INBOX_TITLE = /menunggu keputusan Anda|waiting for your decision/;

/**
 * The `turn`-th kind of update of a user: citizens check their file twice for every button
 * press, officers open their inbox once for every press. Turns start at the user's place in the
 * order, so a short run has the same mix as a long one.
 */
function updateOf(user: BotUser, turn: number, dueAt: number, watch: ReplyWatch): () => void {
  const chatId = user.user.id;
  const press = user.role === 'officer' ? turn % 2 === 1 : turn % 3 === 2;
  if (press) {
    const id = randomBytes(8).toString('hex');
    const kind = user.role === 'officer' ? 'button: documents' : 'button: language';
    const update = watch.expect({ kind, chatId, dueAt, callbackQueryId: id });
    return () => {
      update.updateId = user.user.pressData(user.button.data, user.button.message, id).updateId;
    };
  }
  const [kind, text, answerSays] =
    user.role === 'officer'
      ? ['/tugas', '/tugas', INBOX_TITLE]
      : ['/status', `/status ${user.file!.rn} ${user.file!.code}`, user.file!.rn];
  const update = watch.expect({ kind, chatId, dueAt, answerSays });
  return () => {
    update.updateId = user.user.send(text);
  };
}

/** Users in a fixed shuffled order, so officers' updates are spread over the run. */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  let seed = 20_250_114;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Sends the updates at a fixed rate whatever the replies do (open loop). */
async function openLoop(users: BotUser[], watch: ReplyWatch): Promise<{ sent: number; seconds: number }> {
  const started = performance.now();
  const intervalMs = 1000 / RATE;
  const total = Math.floor((RATE * DURATION_MS) / 1000);
  let sent = 0;
  while (sent < total) {
    const now = performance.now();
    while (sent < total && started + sent * intervalMs <= now) {
      const dueAt = started + sent * intervalMs;
      const place = sent % users.length;
      updateOf(users[place]!, place + Math.floor(sent / users.length), dueAt, watch)();
      sent += 1;
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  return { sent, seconds: (performance.now() - started) / 1000 };
}

async function main() {
  const loadBefore = os.loadavg()[0]!;
  log('starting the cluster shape with the bot and the Bot API emulator');
  const stack = await startDrillStack(log, {
    catalog: null,
    scratchRoot: SCRATCH_ROOT,
    appEnv: { LOG_LEVEL: 'warn', UPLOAD_MB_PER_ADDRESS_PER_HOUR: '100000000', ...profiledRoles() },
  });
  const processes = clusterProcesses(stack);
  try {
    const users = shuffled(
      await prepareBotUsers(stack, { officers: OFFICERS, citizens: USERS - OFFICERS }, log),
    );
    await untilStackQuiet(processes, { marginCores: 0.5, timeoutMs: 300_000 });
    const idle = await idleCores(processes, 10_000);
    const watch = new ReplyWatch(stack.emulator);
    const pollsBefore = stack.emulator.callsOf('getUpdates').length;
    log(`sending ${RATE} updates/s for ${DURATION_MS / 1000} s from ${users.length} users`);
    const before = readCpu(processes);
    const { sent, seconds } = await openLoop(users, watch);
    const during = cpuDelta(before, readCpu(processes), seconds * 1000);
    const lastDue = performance.now();
    while (watch.pending() > 0 && performance.now() - lastDue < PATIENCE_MS) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await untilStackQuiet(processes, { idle, timeoutMs: 300_000 });
    const used = cpuDelta(before, readCpu(processes), 1);
    const elapsedMs = performance.now() - lastDue + seconds * 1000;
    for (const [name, ms] of used) {
      if (name !== REST_OF_MACHINE) used.set(name, Math.max(0, ms - (idle.get(name) ?? 0) * elapsedMs));
    }
    const polls = stack.emulator.callsOf('getUpdates').length - pollsBefore;

    console.log('');
    printMachine(loadBefore, [
      'Stack: cluster shape (Temporal services on PostgreSQL, 2 permit workers, 2 APIs, the bot polling the Bot API emulator in this process)',
      `Load: ${sent} updates in ${seconds.toFixed(1)} s (${(sent / seconds).toFixed(1)}/s, open loop) from ${users.length} users (${OFFICERS} officers, ${users.length - OFFICERS} citizens); the bot fetched them in ${polls} getUpdates calls`,
    ]);
    console.log('');
    const figures = latencyFigures(watch.updates, PATIENCE_MS);
    const ms = (v: number) => (Number.isNaN(v) ? '-' : v.toFixed(1)).padStart(9);
    console.log(
      `${'update → first reply'.padEnd(22)}${['sent', 'replied', 'no reply', 'wrong'].map((h) => h.padStart(9)).join('')}${['p50 ms', 'p99 ms', 'max ms'].map((h) => h.padStart(9)).join('')}`,
    );
    for (const f of figures) {
      console.log(
        `${f.kind.padEnd(22)}${[f.sent, f.replied, f.noReply, f.wrongAnswers].map((n) => String(n).padStart(9)).join('')}${ms(f.p50Ms)}${ms(f.p99Ms)}${ms(f.maxMs)}`,
      );
    }
    console.log(
      `(no reply: none within ${PATIENCE_MS / 1000} s; wrong: an apology, a refusal or a stale-button alert)`,
    );
    const lags = watch.fetchLags();
    console.log(
      `update due → in the bot's hands (its next getUpdates): p50 ${percentile(lags, 0.5).toFixed(1)} ms, p99 ${percentile(lags, 0.99).toFixed(1)} ms, max ${(lags.at(-1) ?? Number.NaN).toFixed(1)} ms`,
    );
    console.log('');
    printCpuTable('CPU by process', [
      { label: 'ms per update', reading: cpuDelta(new Map(), used, sent) },
      { label: 'cores in load', reading: during },
      { label: 'cores idle', reading: idle },
    ]);
    console.log(
      "(ms per update: the idle stack's CPU subtracted; the load generator includes the Bot API emulator)",
    );
    console.log('');
    const all = figures.at(-1)!;
    printVerdicts([
      {
        measure: 'update → reply p99',
        result: `${all.p99Ms.toFixed(1)} ms (p50 ${all.p50Ms.toFixed(1)}, max ${all.maxMs.toFixed(1)})`,
        target: `≤ ${P99_TARGET_MS} ms`,
        met: all.p99Ms <= P99_TARGET_MS && all.noReply === 0,
      },
      {
        measure: 'updates without a reply',
        result: String(all.noReply),
        target: '0',
        met: all.noReply === 0,
      },
      {
        measure: 'wrong answers',
        result: String(all.wrongAnswers),
        target: '0',
        met: all.wrongAnswers === 0,
      },
      {
        measure: 'updates per second sent',
        result: (sent / seconds).toFixed(1),
        target: `${RATE}`,
        met: sent / seconds >= RATE * 0.98,
      },
    ]);
    if (all.wrongAnswers + all.noReply > 0) {
      // The bot's log never holds an update's text (codes, NIKs): safe to show why it failed.
      console.log(`\nlast lines of the bot's log:\n${await stack.cluster.process('bot').logTail(12)}`);
    }
  } finally {
    await stack.stop();
  }
}

await main();
process.exit(0);
