import type { Pool, PoolClient } from '../db/pool.js';
import { maskNikRuns } from '../domain/identifiers/nik.js';
import { MANAGER_ROLE } from '../domain/officers/managerRole.js';
import type { NotificationChannel } from './notificationChannel.js';

/** Back-off of a notice whose delivery failed: 2 s, 4 s, 8 s … at most 5 minutes, never dropped. */
const RETRY_BACKOFF = { firstMs: 2_000, maxMs: 5 * 60_000 } as const;

/** A notice whose delivery failed this time; it is retried after its back-off. */
export interface FailedNotice {
  eventKey: string;
  /** Attempts so far, this one included. */
  attempts: number;
  error: string;
}

interface OutboxRow {
  event_key: string;
  workflow_id: string;
  audience: string;
  recipient: { role?: string; department?: string };
  template: string;
  params: Record<string, string | number | boolean | null>;
}

/** Chat IDs a notification goes to: the applicant's, the officers of a role, or the managers. */
async function recipientChats(pool: Pool | PoolClient, row: OutboxRow): Promise<number[]> {
  if (row.audience === 'applicant') {
    const { rows } = await pool.query<{ chat: string | null }>(
      'SELECT applicant_telegram_id AS chat FROM applications WHERE registration_number = $1',
      [row.workflow_id],
    );
    return rows.flatMap((r) => (r.chat ? [Number(r.chat)] : []));
  }
  const role = row.audience === 'managers' ? MANAGER_ROLE : row.recipient.role;
  const { rows } = await pool.query<{ chat: string }>(
    `SELECT telegram_user_id AS chat FROM officers
     WHERE active AND telegram_user_id IS NOT NULL AND $1 = ANY(roles) AND $2 = ANY(departments)
     UNION
     SELECT chat_id AS chat FROM department_chats WHERE $3 AND department = $2`,
    [role, row.recipient.department, row.audience === 'managers'],
  );
  return rows.map((r) => Number(r.chat));
}

/**
 * Sends the outbox rows named by `eventKeys` that are not yet delivered. Each (notification,
 * chat) pair is recorded once sent, so a retry after a partial failure sends only the rest; an
 * advisory lock per row keeps two deliverers (two worker processes) from sending the same
 * notice at once. A failure is recorded on its row with the time of the next attempt, and
 * returned so the caller can log it.
 */
export async function deliverOutboxNotifications(
  pool: Pool,
  channel: NotificationChannel,
  eventKeys: string[],
): Promise<{ sent: number; failed: FailedNotice[]; skipped: number }> {
  const { rows } = await pool.query<OutboxRow>(
    `SELECT event_key, workflow_id, audience, recipient, template, params FROM notification_outbox
     WHERE event_key = ANY($1) AND delivered_at IS NULL ORDER BY id`,
    [eventKeys],
  );
  let sent = 0;
  const failed: FailedNotice[] = [];
  let skipped = 0;
  const client = await pool.connect();
  try {
    for (const row of rows) {
      const { rows: lock } = await client.query<{ locked: boolean }>(
        // Advisory locks are server-wide: the schema keeps equal event keys of other schemas apart.
        `SELECT pg_try_advisory_lock(hashtext('notification:' || current_schema() || ':' || $1)) AS locked`,
        [row.event_key],
      );
      // Another deliverer holds this notice right now; it sends it (or retries it) itself.
      if (!lock[0]?.locked) {
        skipped += 1;
        continue;
      }
      try {
        sent += await deliverOne(client, channel, row);
      } catch (error) {
        // Stored and logged: a 16-digit run in an error text may be a NIK, so it is masked.
        const message = maskNikRuns(error instanceof Error ? error.message : String(error));
        const { rows: updated } = await client
          .query<{ attempts: number }>(
            `UPDATE notification_outbox SET attempts = attempts + 1, last_error = $2,
               next_attempt_at = now() + make_interval(secs => least($4::float8, $3::float8 * power(2, attempts)) / 1000.0)
             WHERE event_key = $1 RETURNING attempts`,
            [row.event_key, message, RETRY_BACKOFF.firstMs, RETRY_BACKOFF.maxMs],
          )
          .catch(() => ({ rows: [] as { attempts: number }[] }));
        failed.push({ eventKey: row.event_key, attempts: updated[0]?.attempts ?? 0, error: message });
      } finally {
        await client.query(
          `SELECT pg_advisory_unlock(hashtext('notification:' || current_schema() || ':' || $1))`,
          [row.event_key],
        );
      }
    }
  } finally {
    client.release();
  }
  return { sent, failed, skipped };
}

async function deliverOne(client: PoolClient, channel: NotificationChannel, row: OutboxRow): Promise<number> {
  const { rows: still } = await client.query(
    'SELECT 1 FROM notification_outbox WHERE event_key = $1 AND delivered_at IS NULL',
    [row.event_key],
  );
  if (still.length === 0) return 0;
  const chats = await recipientChats(client, row);
  const { rows: done } = await client.query<{ chat_id: string }>(
    `SELECT chat_id FROM notification_deliveries WHERE event_key = $1
     UNION SELECT chat_id FROM blocked_chats WHERE chat_id = ANY($2)`,
    [row.event_key, chats],
  );
  const skip = new Set(done.map((d) => Number(d.chat_id)));
  let sent = 0;
  for (const chatId of chats.filter((c) => !skip.has(c))) {
    const outcome = await channel.send({
      eventKey: row.event_key,
      audience: row.audience,
      template: row.template,
      params: row.params,
      chatId,
    });
    await client.query(
      'INSERT INTO notification_deliveries (event_key, chat_id, outcome) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [row.event_key, chatId, outcome],
    );
    if (outcome === 'blocked') {
      await client.query('INSERT INTO blocked_chats (chat_id) VALUES ($1) ON CONFLICT DO NOTHING', [chatId]);
    } else sent += 1;
  }
  await client.query(
    `UPDATE notification_outbox SET delivered_at = now(), attempts = attempts + 1, last_error = $2
     WHERE event_key = $1`,
    [row.event_key, chats.length === 0 ? 'no recipient with a Telegram chat' : null],
  );
  return sent;
}

/** Event keys of undelivered notices whose next attempt is due, oldest first. */
export async function dueOutboxKeys(pool: Pool, limit = 100): Promise<string[]> {
  const { rows } = await pool.query<{ event_key: string }>(
    `SELECT event_key FROM notification_outbox
     WHERE delivered_at IS NULL AND next_attempt_at <= now()
     ORDER BY next_attempt_at, id LIMIT $1`,
    [limit],
  );
  return rows.map((r) => r.event_key);
}
