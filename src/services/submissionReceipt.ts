import type { Pool } from '../db/pool.js';

export interface SubmissionReceipt {
  status: string;
  stageKey: string | null;
  deadline: string | null;
  /** False when the workflow had not recorded its first transition within the wait. */
  recorded: boolean;
}

interface ReceiptRow {
  registration_number: string;
  status: string;
  stage_key: string | null;
  deadline: Date | null;
  last_sequence: number;
}

interface Waiter {
  until: number;
  resolve: (receipt: SubmissionReceipt | null) => void;
  reject: (error: unknown) => void;
}

const toReceipt = (row: ReceiptRow): SubmissionReceipt => ({
  status: row.status,
  stageKey: row.stage_key,
  deadline: row.deadline?.toISOString() ?? null,
  recorded: row.last_sequence > 0,
});

/**
 * What a submitter is told at once: the status, stage and deadline the workflow recorded for
 * its first transition. The workflow, not the caller, computes the deadline, so this waits for
 * the read model with a bound, then answers with what is there (status SUBMITTED, no deadline
 * yet) rather than keep the caller waiting on a slow worker.
 *
 * All waiting submissions share one poller: each tick is one query for every pending number,
 * so the database load does not grow with the number of callers waiting.
 */
export class SubmissionReceipts {
  private readonly waiters = new Map<string, Waiter[]>();
  private ticking = false;

  constructor(
    private readonly pool: Pool,
    private readonly tickMs = 20,
  ) {}

  wait(registrationNumber: string, timeoutMs: number): Promise<SubmissionReceipt | null> {
    return new Promise((resolve, reject) => {
      const list = this.waiters.get(registrationNumber) ?? [];
      list.push({ until: Date.now() + timeoutMs, resolve, reject });
      this.waiters.set(registrationNumber, list);
      if (!this.ticking) {
        this.ticking = true;
        void this.loop();
      }
    });
  }

  private async loop(): Promise<void> {
    // The first look is immediate: a replay or a fast worker needs no wait at all.
    while (this.waiters.size > 0) {
      await this.tick();
      if (this.waiters.size > 0) await new Promise((r) => setTimeout(r, this.tickMs));
    }
    this.ticking = false;
  }

  private async tick(): Promise<void> {
    const numbers = [...this.waiters.keys()];
    let rows: ReceiptRow[];
    try {
      ({ rows } = await this.pool.query<ReceiptRow>(
        `SELECT registration_number, status, stage_key, deadline, last_sequence
         FROM applications WHERE registration_number = ANY($1)`,
        [numbers],
      ));
    } catch (error) {
      for (const number of numbers) this.settle(number, (w) => w.reject(error));
      return;
    }
    const found = new Map(rows.map((r) => [r.registration_number, r]));
    const now = Date.now();
    for (const number of numbers) {
      const row = found.get(number);
      if (!row) {
        this.settle(number, (w) => w.resolve(null));
        continue;
      }
      const receipt = toReceipt(row);
      this.settle(
        number,
        (w) => w.resolve(receipt),
        (w) => receipt.recorded || w.until <= now,
      );
    }
  }

  private settle(number: string, done: (w: Waiter) => void, when: (w: Waiter) => boolean = () => true) {
    const list = this.waiters.get(number) ?? [];
    const remaining = list.filter((w) => {
      if (!when(w)) return true;
      done(w);
      return false;
    });
    if (remaining.length > 0) this.waiters.set(number, remaining);
    else this.waiters.delete(number);
  }
}
