import type { Pool } from '../db/pool.js';
import type { NoticePreparer } from '../notifications/noticePreparation.js';
import type { NotificationChannel } from '../notifications/notificationChannel.js';
import {
  deliverOutboxNotifications,
  type FailedNotice,
  newNoticeDeliverer,
  recordUnrecordedSends,
} from '../notifications/outboxDelivery.js';
import { dueOutboxKeys } from '../repositories/outboxRepository.js';

export interface OutboxDispatcher {
  /** Asks for a round soon: the transition activity calls it after committing new notices. */
  wake(): void;
  /** Delivers every notice due now (in batches); resolves with how many messages went out. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Sends the notices workflows write to the outbox, beside the worker. Notices are written in
 * the same transaction as the transition that caused them, and sent from here rather than by
 * a Temporal activity per transition: a file's step then costs the Temporal server one
 * workflow task instead of three tasks, and a failed notice waits for its back-off in its row.
 * A round runs when woken by a commit in this process, and every `pollMs` for notices written
 * by other processes or waiting on a retry. Several dispatchers may run (one per worker
 * process): each is one deliverer, and its claim on a notice's row sends each notice once.
 */
export function startOutboxDispatcher(options: {
  pool: Pool;
  channel: NotificationChannel;
  /** Adds to notices what their transition did not write (the SKRD to a payment request). */
  prepare?: NoticePreparer;
  pollMs?: number;
  batchSize?: number;
  /** A round failed as a whole (say, the database is down); the next round tries again. */
  onError?: (error: unknown) => void;
  /** One notice failed; it waits for its back-off. Called for every failed attempt. */
  onNoticeFailed?: (failure: FailedNotice) => void;
}): OutboxDispatcher {
  const pollMs = options.pollMs ?? 2_000;
  const batchSize = options.batchSize ?? 100;
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = false;
  const deliverer = newNoticeDeliverer();

  const runOnce = async (): Promise<number> => {
    let sent = 0;
    await recordUnrecordedSends(options.pool, deliverer);
    while (!deliverer.stopping) {
      const keys = await dueOutboxKeys(options.pool, batchSize, deliverer.id);
      if (keys.length === 0) return sent;
      const round = await deliverOutboxNotifications(
        options.pool,
        options.channel,
        keys,
        options.prepare,
        deliverer,
      );
      sent += round.sent;
      for (const failure of round.failed) options.onNoticeFailed?.(failure);
      // A short batch was everything due; failed rows wait for their next attempt. A batch
      // another dispatcher holds entirely is its to send: looping on it would only spin.
      if (keys.length < batchSize || round.skipped === keys.length) return sent;
    }
    return sent;
  };

  const round = () => {
    if (stopped) return;
    if (running) {
      // A commit during a round may have written rows the round's query did not see.
      again = true;
      return;
    }
    running = runOnce()
      .catch((error) => {
        options.onError?.(error);
        return 0;
      })
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          round();
        }
      });
  };

  const timer = setInterval(round, pollMs);
  timer.unref();
  round();
  return {
    wake: () => setImmediate(round),
    runOnce,
    stop: async () => {
      stopped = true;
      deliverer.stopping = true;
      clearInterval(timer);
      await running;
    },
  };
}
