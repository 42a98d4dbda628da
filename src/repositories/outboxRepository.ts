import type { Queryable } from '../db/pool.js';

// The notification outbox: notices written in the transaction of the transition that caused
// them, delivered (chat by chat, each delivery recorded) by the worker's dispatcher.

export interface OutboxNotice {
  eventKey: string;
  workflowId: string;
  audience: string;
  /** Officers: a role and department; the applicant: optionally one channel (absent: Telegram). */
  recipient: { role?: string; department?: string; channel?: string };
  template: string;
  params: Record<string, string | number | boolean | null>;
}

/** A notice `$2` (a deliverer's id) may take: unclaimed, its own, or its claim's lease ran out. */
const CLAIMABLE = '(claimed_by IS NULL OR claimed_by = $2 OR claimed_until < now())';

/**
 * Event keys of undelivered notices whose next attempt is due, oldest first; a notice another
 * deliverer's claim still holds is its to finish, and is left out so it does not fill the batch.
 */
export async function dueOutboxKeys(db: Queryable, limit: number, delivererId: string): Promise<string[]> {
  const { rows } = await db.query<{ event_key: string }>(
    `SELECT event_key FROM notification_outbox
     WHERE delivered_at IS NULL AND next_attempt_at <= now()
       AND ${CLAIMABLE}
     ORDER BY next_attempt_at, id LIMIT $1`,
    [limit, delivererId],
  );
  return rows.map((r) => r.event_key);
}

/** The named notices not yet delivered, in the order they were written. */
export async function undeliveredNotices(
  db: Queryable,
  eventKeys: readonly string[],
): Promise<OutboxNotice[]> {
  const { rows } = await db.query<{
    event_key: string;
    workflow_id: string;
    audience: string;
    recipient: OutboxNotice['recipient'];
    template: string;
    params: OutboxNotice['params'];
  }>(
    `SELECT event_key, workflow_id, audience, recipient, template, params FROM notification_outbox
     WHERE event_key = ANY($1) AND delivered_at IS NULL ORDER BY id`,
    [eventKeys],
  );
  return rows.map((r) => ({
    eventKey: r.event_key,
    workflowId: r.workflow_id,
    audience: r.audience,
    recipient: r.recipient,
    template: r.template,
    params: r.params,
  }));
}

/**
 * Claims the undelivered notices among `eventKeys` for `delivererId` for `leaseMs` from now, or
 * renews its claims, in one statement; resolves with those it holds now. A notice settled, or
 * held by another deliverer whose claim has not run out, is left out. The row locks of the UPDATE
 * make two claims exclusive; a claim is a committed row, so it survives a database restart (a
 * session advisory lock would not).
 */
export async function claimNotices(
  db: Queryable,
  eventKeys: readonly string[],
  delivererId: string,
  leaseMs: number,
): Promise<Set<string>> {
  const { rows } = await db.query<{ event_key: string }>(
    `UPDATE notification_outbox
        SET claimed_by = $2, claimed_until = now() + make_interval(secs => $3::float8 / 1000.0)
      WHERE event_key = ANY($1) AND delivered_at IS NULL
        AND ${CLAIMABLE}
      RETURNING event_key`,
    [eventKeys, delivererId, leaseMs],
  );
  return new Set(rows.map((r) => r.event_key));
}

/**
 * Extends `delivererId`'s claims on those of `eventKeys` it still holds: a round keeps its whole
 * batch claimed while it works through it. A settled or released notice is not claimed again.
 */
export async function renewNoticeClaims(
  db: Queryable,
  eventKeys: readonly string[],
  delivererId: string,
  leaseMs: number,
): Promise<void> {
  await db.query(
    `UPDATE notification_outbox SET claimed_until = now() + make_interval(secs => $3::float8 / 1000.0)
      WHERE event_key = ANY($1) AND claimed_by = $2 AND delivered_at IS NULL`,
    [eventKeys, delivererId, leaseMs],
  );
}

/** Gives up `delivererId`'s claims on `eventKeys` (another deliverer's claims stay). */
export async function releaseNoticeClaims(
  db: Queryable,
  eventKeys: readonly string[],
  delivererId: string,
): Promise<void> {
  if (eventKeys.length === 0) return;
  await db.query(
    `UPDATE notification_outbox SET claimed_by = NULL, claimed_until = NULL
      WHERE event_key = ANY($1) AND claimed_by = $2`,
    [eventKeys, delivererId],
  );
}

/** Of `eventKeys`' notices, the chats each went to already; of `chats`, those that blocked the bot. */
export async function chatsReached(
  db: Queryable,
  eventKeys: readonly string[],
  chats: readonly number[],
): Promise<{ done: Map<string, Set<number>>; blocked: Set<number> }> {
  const { rows } = await db.query<{ event_key: string | null; chat_id: string }>(
    `SELECT event_key, chat_id FROM notification_deliveries WHERE event_key = ANY($1)
     UNION ALL SELECT NULL, chat_id FROM blocked_chats WHERE chat_id = ANY($2)`,
    [eventKeys, chats],
  );
  const done = new Map<string, Set<number>>();
  const blocked = new Set<number>();
  for (const row of rows) {
    if (row.event_key === null) blocked.add(Number(row.chat_id));
    else done.set(row.event_key, (done.get(row.event_key) ?? new Set()).add(Number(row.chat_id)));
  }
  return { done, blocked };
}

/**
 * Records what one message to `chatId` did for each notice it carried, in one statement: the
 * fewer round trips between Telegram's answer and the record, the smaller the window in which a
 * killed process leaves a sent notice unrecorded (and sent again after its claim runs out).
 */
export async function recordDeliveries(
  db: Queryable,
  eventKeys: readonly string[],
  chatId: number,
  outcome: string,
) {
  await db.query(
    `INSERT INTO notification_deliveries (event_key, chat_id, outcome)
     SELECT event_key, $2, $3 FROM unnest($1::text[]) AS event_key ON CONFLICT DO NOTHING`,
    [eventKeys, chatId, outcome],
  );
}

/** Settles notices as delivered (with `note`, say why nothing went out), in one statement. */
export async function markNoticesDelivered(
  db: Queryable,
  eventKeys: readonly string[],
  note: string | null,
): Promise<void> {
  if (eventKeys.length === 0) return;
  await db.query(
    `UPDATE notification_outbox SET delivered_at = now(), attempts = attempts + 1, last_error = $2,
            claimed_by = NULL, claimed_until = NULL
     WHERE event_key = ANY($1)`,
    [eventKeys, note],
  );
}

/** Settles a notice nothing can carry (no sender for its channel, no address): not retried. */
export async function markNoticeUndeliverable(
  db: Queryable,
  eventKey: string,
  reason: string,
): Promise<void> {
  await db.query(
    `UPDATE notification_outbox SET delivered_at = now(), attempts = attempts + 1, undeliverable_reason = $2,
            claimed_by = NULL, claimed_until = NULL
     WHERE event_key = $1`,
    [eventKey, reason],
  );
}

/**
 * Records a failed attempt and when to try next (doubling back-off, capped); returns the attempts.
 * With `releasedBy`, that deliverer's claim goes with it: any deliverer may make the next attempt.
 */
export async function recordFailedAttempt(
  db: Queryable,
  eventKey: string,
  error: string,
  backoff: { firstMs: number; maxMs: number },
  releasedBy: string | null,
): Promise<number> {
  // SET reads the row as it was: both CASEs see the claim before this statement.
  const { rows } = await db.query<{ attempts: number }>(
    `UPDATE notification_outbox SET attempts = attempts + 1, last_error = $2,
               next_attempt_at = now() + make_interval(secs => least($4::float8, $3::float8 * power(2, attempts)) / 1000.0),
               claimed_by = CASE WHEN claimed_by = $5 THEN NULL ELSE claimed_by END,
               claimed_until = CASE WHEN claimed_by = $5 THEN NULL ELSE claimed_until END
             WHERE event_key = $1 RETURNING attempts`,
    [eventKey, error, backoff.firstMs, backoff.maxMs, releasedBy],
  );
  return rows[0]?.attempts ?? 0;
}

/**
 * Queues a notice not written by a transition (a payment reminder), to go out at `dueAt`; a notice
 * with the same event key already queued stays as it is, so it is sent once.
 */
export async function scheduleNotice(db: Queryable, notice: OutboxNotice, dueAt: Date): Promise<void> {
  await db.query(
    `INSERT INTO notification_outbox (event_key, workflow_id, audience, recipient, template, params, next_attempt_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_key) DO NOTHING`,
    [
      notice.eventKey,
      notice.workflowId,
      notice.audience,
      JSON.stringify(notice.recipient),
      notice.template,
      JSON.stringify(notice.params),
      dueAt,
    ],
  );
}
