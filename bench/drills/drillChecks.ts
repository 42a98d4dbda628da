import type { Pool } from '../../src/db/pool.js';
import type { BotApiEmulator } from '../../test/support/botApiEmulator.js';

/** Waits until every file is in `status`; resolves with how many are. */
export async function untilAllIn(pool: Pool, numbers: string[], status: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM applications WHERE registration_number = ANY($1) AND status = $2',
      [numbers, status],
    );
    const reached = Number(rows[0]!.n);
    if (reached === numbers.length || Date.now() > deadline) return reached;
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/** Waits until every file has an audit event `action`; resolves with how many have. */
export async function untilAllHave(pool: Pool, numbers: string[], action: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ n: string }>(
      `SELECT count(DISTINCT workflow_id) AS n FROM audit_events
        WHERE workflow_id = ANY($1) AND action = $2`,
      [numbers, action],
    );
    const reached = Number(rows[0]!.n);
    if (reached === numbers.length || Date.now() > deadline) return reached;
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/**
 * Audit events recorded twice: the unique key (workflow_id, sequence) cannot repeat, so a double
 * would show as the same step (action, stage) of one file under two sequence numbers.
 */
export async function auditFigures(pool: Pool, numbers: string[]) {
  const { rows } = await pool.query<{ events: string; doubled: string; by_action: Record<string, number> }>(
    `WITH mine AS (SELECT * FROM audit_events WHERE workflow_id = ANY($1)),
          steps AS (SELECT workflow_id, action, stage_key, count(*) AS n FROM mine
                     GROUP BY workflow_id, action, stage_key)
     SELECT (SELECT count(*) FROM mine) AS events,
            (SELECT coalesce(sum(n - 1), 0) FROM steps WHERE n > 1) AS doubled,
            (SELECT coalesce(jsonb_object_agg(action, n), '{}') FROM
               (SELECT action, count(*) AS n FROM mine GROUP BY action) a) AS by_action`,
    [numbers],
  );
  const row = rows[0]!;
  return { events: Number(row.events), doubled: Number(row.doubled), byAction: row.by_action };
}

/**
 * Notices of these files as the outbox recorded them (one row per notice and chat sent) against
 * what reached the emulator: every recorded one arrived, none arrived twice. A digest's lines
 * count one notice each.
 */
export async function noticeFigures(
  pool: Pool,
  emulator: BotApiEmulator,
  numbers: string[],
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  let pending = 0;
  for (;;) {
    const { rows } = await pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM notification_outbox WHERE workflow_id = ANY($1) AND delivered_at IS NULL',
      [numbers],
    );
    pending = Number(rows[0]!.n);
    if (pending === 0 || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  const { rows } = await pool.query<{ chat_id: string; event_key: string }>(
    `SELECT d.chat_id, d.event_key FROM notification_deliveries d
       JOIN notification_outbox o USING (event_key)
      WHERE o.workflow_id = ANY($1) AND d.outcome = 'sent'`,
    [numbers],
  );
  const mentions = new RegExp(numbers.map((n) => n.replace(/[/\\^$.*+?()[\]{}|-]/g, '\\$&')).join('|'));
  const received = new Map<string, number>();
  // Messages that repeated a notice: a send Telegram took that was not recorded (kill -9 between
  // the two) goes again whole, with every notice of its digest.
  let repeatingMessages = 0;
  let messages = 0;
  for (const m of emulator.sent) {
    if (!m.method.startsWith('send') || !mentions.test(m.text)) continue;
    messages += 1;
    // A digest (several officers' notices in one message) carries one notice per bulleted line.
    const lines = m.text.split('\n').filter((line) => line.startsWith('• ') && mentions.test(line));
    let repeats = false;
    for (const notice of lines.length > 0 ? lines : [m.text]) {
      const key = `${m.chatId}\n${notice}`;
      repeats ||= received.has(key);
      received.set(key, (received.get(key) ?? 0) + 1);
    }
    if (repeats) repeatingMessages += 1;
  }
  const arrived = [...received.values()].reduce((a, b) => a + b, 0);
  const duplicates = [...received.values()].reduce((a, b) => a + Math.max(0, b - 1), 0);
  return { recorded: rows.length, arrived, messages, duplicates, repeatingMessages, undelivered: pending };
}
