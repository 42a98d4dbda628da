import { performance } from 'node:perf_hooks';
import type { BotApiEmulator, RecordedCall } from '../../test/support/botApiEmulator.js';
import { percentile } from './load.js';

/** The calls that show the user an answer; deleteMessage, setMyCommands and getUpdates do not. */
const REPLY_METHODS = new Set([
  'sendMessage',
  'editMessageText',
  'editMessageReplyMarkup',
  'sendDocument',
  'sendPhoto',
]);

export interface SentUpdate {
  kind: string;
  chatId: number;
  /** When the update was due (performance.now()): the latency counts from there. */
  dueAt: number;
  /** Set for a button press: its answerCallbackQuery is the reply (an alert means a stale button). */
  callbackQueryId?: string;
  /** For a message: what the right reply says (not the error handler's apology or a refusal). */
  answerSays?: string | RegExp;
  repliedAt?: number;
  wrongAnswer?: boolean;
  /** Its update_id, set once injected. */
  updateId?: number;
}

/**
 * Times update → first reply from the calls the bot makes to the emulator. A button press is
 * answered by the answerCallbackQuery with its ID; a message by the first reply to its chat
 * after it. The bot handles one chat's updates in order, and the benchmark sends each user's
 * updates seconds apart, so a reply cannot be taken for the next update's unless it came that
 * late (it then counts as late anyway).
 */
export class ReplyWatch {
  readonly updates: SentUpdate[] = [];
  private readonly waitingInChat = new Map<number, SentUpdate[]>();
  private readonly waitingForCallback = new Map<string, SentUpdate>();
  /** The bot's getUpdates calls: each confirms (so it had received) the updates below its offset. */
  private readonly polls: { at: number; offset: number }[] = [];

  constructor(emulator: BotApiEmulator) {
    emulator.onCall = (call) => this.seen(call, performance.now());
  }

  /** Registers an update before it is injected. */
  expect(update: SentUpdate): SentUpdate {
    this.updates.push(update);
    if (update.callbackQueryId !== undefined) {
      this.waitingForCallback.set(update.callbackQueryId, update);
      return update;
    }
    const queue = this.waitingInChat.get(update.chatId) ?? [];
    queue.push(update);
    this.waitingInChat.set(update.chatId, queue);
    return update;
  }

  pending(): number {
    return this.updates.filter((u) => u.repliedAt === undefined).length;
  }

  /**
   * How long after it was due the bot had each update in hand, as its next getUpdates call
   * confirmed it: the part of the latency spent before the bot's handlers.
   */
  fetchLags(): number[] {
    const lags: number[] = [];
    for (const update of this.updates) {
      const poll = this.polls.find((p) => update.updateId !== undefined && p.offset > update.updateId);
      if (poll) lags.push(poll.at - update.dueAt);
    }
    return lags.sort((a, b) => a - b);
  }

  private seen(call: RecordedCall, now: number): void {
    if (call.method === 'getUpdates') {
      this.polls.push({ at: now, offset: Number(call.payload.offset ?? 0) });
      return;
    }
    if (call.method === 'answerCallbackQuery') {
      const id = String(call.payload.callback_query_id);
      const update = this.waitingForCallback.get(id);
      if (!update) return;
      this.waitingForCallback.delete(id);
      update.repliedAt = now;
      update.wrongAnswer = call.payload.show_alert === true;
      return;
    }
    if (!REPLY_METHODS.has(call.method)) return;
    const update = this.waitingInChat.get(Number(call.payload.chat_id))?.shift();
    if (!update) return;
    update.repliedAt = now;
    const text = String(call.payload.text ?? call.payload.caption ?? '');
    const says = update.answerSays;
    update.wrongAnswer =
      says !== undefined && !(typeof says === 'string' ? text.includes(says) : says.test(text));
  }
}

export interface LatencyFigures {
  kind: string;
  sent: number;
  replied: number;
  /** Replies later than the patience given (counted as no reply). */
  noReply: number;
  wrongAnswers: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Latency figures per kind of update and for all of them, replies later than `patienceMs` left out. */
export function latencyFigures(updates: SentUpdate[], patienceMs: number): LatencyFigures[] {
  const kinds = [...new Set(updates.map((u) => u.kind))];
  const figures = (kind: string, of: SentUpdate[]): LatencyFigures => {
    const latencies = of
      .filter((u) => u.repliedAt !== undefined && u.repliedAt - u.dueAt <= patienceMs)
      .map((u) => u.repliedAt! - u.dueAt)
      .sort((a, b) => a - b);
    return {
      kind,
      sent: of.length,
      replied: latencies.length,
      noReply: of.length - latencies.length,
      wrongAnswers: of.filter((u) => u.wrongAnswer).length,
      p50Ms: percentile(latencies, 0.5),
      p99Ms: percentile(latencies, 0.99),
      maxMs: latencies.at(-1) ?? Number.NaN,
    };
  };
  return [
    ...kinds.map((kind) =>
      figures(
        kind,
        updates.filter((u) => u.kind === kind),
      ),
    ),
    figures('all updates', updates),
  ];
}
