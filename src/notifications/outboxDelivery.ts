import type { Pool, PoolClient, Queryable } from '../db/pool.js';
import { maskNikInText } from '../domain/access/personalDataMasking.js';
import { maskNikRuns } from '../domain/identifiers/nik.js';
import { MANAGER_ROLE } from '../domain/officers/managerRole.js';
import {
  chatsDoneOrBlocked,
  isUndelivered,
  markNoticeDelivered,
  markNoticeUndeliverable,
  type OutboxNotice,
  recordDelivery,
  recordFailedAttempt,
  tryLockNotice,
  undeliveredNotices,
  unlockNotice,
} from '../repositories/outboxRepository.js';
import {
  applicantChatOf,
  complainantChatOf,
  markChatBlocked,
  officerChatsOf,
} from '../repositories/telegramChatRepository.js';
import type { NoticePreparer } from './noticePreparation.js';
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

/**
 * Sends Telegram accepted whose record could not be written (the database went away between the
 * send and the record). Kept by the deliverer for its process's life and written first on the
 * next attempt, so a database outage does not make a notice arrive twice.
 */
export type UnrecordedSends = Map<string, Map<number, string>>;

/**
 * Writes the records of sends kept in `unrecorded`, first thing once the database answers again:
 * before this or another worker process picks the notice up and sends it a second time.
 */
export async function recordUnrecordedSends(pool: Pool, unrecorded: UnrecordedSends): Promise<void> {
  for (const [eventKey, chats] of unrecorded) {
    for (const [chatId, outcome] of chats) {
      await recordDelivery(pool, eventKey, chatId, outcome);
      chats.delete(chatId);
    }
    if (chats.size === 0) unrecorded.delete(eventKey);
  }
}

/** Chat IDs a notification goes to: the applicant's, the officers of a role, or the managers. */
function recipientChats(db: Queryable, notice: OutboxNotice): Promise<number[]> {
  if (notice.audience === 'applicant') return applicantChatOf(db, notice.workflowId);
  if (notice.audience === 'complainant') return complainantChatOf(db, notice.workflowId);
  const role = notice.audience === 'managers' ? MANAGER_ROLE : notice.recipient.role;
  return officerChatsOf(db, role, notice.recipient.department, notice.audience === 'managers');
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
  prepare?: NoticePreparer,
  unrecorded: UnrecordedSends = new Map(),
): Promise<{ sent: number; failed: FailedNotice[]; skipped: number }> {
  const notices = await undeliveredNotices(pool, eventKeys);
  let sent = 0;
  const failed: FailedNotice[] = [];
  let skipped = 0;
  const client = await pool.connect();
  try {
    for (const notice of notices) {
      // Another deliverer holds this notice right now; it sends it (or retries it) itself.
      if (!(await tryLockNotice(client, notice.eventKey))) {
        skipped += 1;
        continue;
      }
      try {
        sent += await deliverOne(client, channel, notice, prepare, unrecorded);
      } catch (error) {
        // Stored and logged: a 16-digit run in an error text may be a NIK, so it is masked.
        const message = maskNikRuns(error instanceof Error ? error.message : String(error));
        const attempts = await recordFailedAttempt(client, notice.eventKey, message, RETRY_BACKOFF).catch(
          () => 0,
        );
        failed.push({ eventKey: notice.eventKey, attempts, error: message });
        if (unrecorded.get(notice.eventKey)?.size === 0) unrecorded.delete(notice.eventKey);
      } finally {
        await unlockNotice(client, notice.eventKey);
      }
    }
  } finally {
    client.release();
  }
  return { sent, failed, skipped };
}

/**
 * Why a notice for the applicant cannot go out, or null when it goes to Telegram. Telegram is
 * the one channel with a sender; a notice for another of the file's channels (its phone or
 * e-mail) is settled as undeliverable until a sender for that channel exists.
 */
function undeliverableReason(notice: OutboxNotice): string | null {
  const wanted = notice.audience === 'applicant' ? notice.recipient.channel : undefined;
  if (wanted === undefined || wanted === 'telegram') return null;
  return wanted === 'none'
    ? 'the file has no channel to reach its applicant'
    : `no sender for the ${wanted} channel`;
}

async function deliverOne(
  client: PoolClient,
  channel: NotificationChannel,
  notice: OutboxNotice,
  prepare: NoticePreparer | undefined,
  unrecorded: UnrecordedSends,
) {
  if (!(await isUndelivered(client, notice.eventKey))) return 0;
  // Before the channel check: the SKRD is issued even for a file no chat can reach.
  const prepared = (await prepare?.(client, notice)) ?? {};
  if (prepared.skip !== undefined) {
    await markNoticeDelivered(client, notice.eventKey, `not sent: ${prepared.skip}`);
    return 0;
  }
  const undeliverable = undeliverableReason(notice);
  if (undeliverable !== null) {
    await markNoticeUndeliverable(client, notice.eventKey, undeliverable);
    return 0;
  }
  const chats = await recipientChats(client, notice);
  const pending = unrecorded.get(notice.eventKey) ?? new Map<number, string>();
  unrecorded.set(notice.eventKey, pending);
  for (const [chatId, outcome] of pending) {
    await recordDelivery(client, notice.eventKey, chatId, outcome);
    pending.delete(chatId);
  }
  const skip = await chatsDoneOrBlocked(client, notice.eventKey, chats);
  // Notes and reasons are free text: only the applicant (or complainant) sees a NIK written into one.
  const own =
    notice.audience === 'applicant' || notice.audience === 'complainant'
      ? notice.params
      : maskNikInText(notice.params);
  const params = { ...own, ...prepared.params };
  let sent = 0;
  for (const chatId of chats.filter((c) => !skip.has(c))) {
    const outcome = await channel.send({
      eventKey: notice.eventKey,
      audience: notice.audience,
      template: notice.template,
      params,
      chatId,
      ...(prepared.attachment ? { attachment: prepared.attachment } : {}),
    });
    pending.set(chatId, outcome);
    await recordDelivery(client, notice.eventKey, chatId, outcome);
    pending.delete(chatId);
    if (outcome === 'blocked') await markChatBlocked(client, chatId);
    else sent += 1;
  }
  await markNoticeDelivered(
    client,
    notice.eventKey,
    chats.length === 0 ? 'no recipient with a Telegram chat' : null,
  );
  unrecorded.delete(notice.eventKey);
  return sent;
}
