// The updates waiting for getUpdates: Telegram's offset semantics, redelivery and the long poll.
import type http from 'node:http';
import type { Update } from 'grammy/types';

export class UpdateQueue {
  private pending: Update[] = [];
  /** Updates handed out again by `redeliver`, below the bot's offset by then. */
  private redelivering = new Set<number>();
  private delivered = new Map<number, Update>();
  private nextUpdateId = 1;
  private wakeups = new Set<() => void>();

  /** Ends every long poll that is waiting. */
  wakeAll(): void {
    for (const wake of this.wakeups) wake();
  }

  inject(update: Omit<Update, 'update_id'>): number {
    const update_id = this.nextUpdateId++;
    const full = { update_id, ...update } as Update;
    this.delivered.set(update_id, full);
    this.pending.push(full);
    for (const wake of this.wakeups) wake();
    return update_id;
  }

  messageIdOf(updateId: number): number | undefined {
    return this.delivered.get(updateId)?.message?.message_id;
  }

  redeliver(updateId: number): void {
    const update = this.delivered.get(updateId);
    if (!update) throw new Error(`no update ${updateId}`);
    this.redelivering.add(updateId);
    this.pending.unshift(update);
    for (const wake of this.wakeups) wake();
  }

  /** Telegram's long poll: confirm what is below `offset`, return what is left or wait for some. */
  async nextUpdates(
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
}
