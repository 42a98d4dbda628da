import { deliverOutboxNotifications, staleOutboxKeys } from '../activities/permit/deliverNotifications.js';
import type { Pool } from '../db/pool.js';
import type { NotificationChannel } from '../notifications/notificationChannel.js';

/**
 * Delivers notices a workflow's delivery activity could not (the channel was off or down past
 * its retries). Runs beside the worker; each notice still goes out once per recipient.
 */
export function startOutboxSweep(options: {
  pool: Pool;
  channel: NotificationChannel;
  intervalMs?: number;
  olderThanMs?: number;
  onError?: (error: unknown) => void;
}): { sweepOnce: () => Promise<number>; stop: () => Promise<void> } {
  const intervalMs = options.intervalMs ?? 60_000;
  const olderThanMs = options.olderThanMs ?? 5 * 60_000;
  let running: Promise<number> | undefined;
  const sweepOnce = async (): Promise<number> => {
    const keys = await staleOutboxKeys(options.pool, olderThanMs);
    if (keys.length === 0) return 0;
    return (await deliverOutboxNotifications(options.pool, options.channel, keys)).sent;
  };
  const timer = setInterval(() => {
    if (running) return;
    running = sweepOnce()
      .catch((error) => {
        options.onError?.(error);
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return {
    sweepOnce,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
