import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Pool, PoolClient, Queryable } from '../db/pool.js';
import { maskNikInText } from '../domain/access/personalDataMasking.js';
import { maskNikRuns } from '../domain/identifiers/nik.js';
import { MANAGER_ROLE } from '../domain/officers/managerRole.js';
import {
  chatsDoneOrBlocked,
  claimNotice,
  markNoticeDelivered,
  markNoticeUndeliverable,
  type OutboxNotice,
  recordDelivery,
  recordFailedAttempt,
  releaseNoticeClaim,
  undeliveredNotices,
} from '../repositories/outboxRepository.js';
import {
  applicantChatOf,
  complainantChatOf,
  markChatBlocked,
  officerChatsOf,
} from '../repositories/telegramChatRepository.js';
import type { NoticePreparer } from './noticePreparation.js';
import type { NotificationChannel, SendOutcome } from './notificationChannel.js';

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
 * How long a deliverer's claim on a notice keeps other deliverers off it after its last renewal:
 * longer than a database restart takes, short enough that a notice whose deliverer died (kill -9
 * between the send and its record) is not held up for long. Then it is sent again: at least once.
 */
export const NOTICE_CLAIM_LEASE_MS = 2 * 60_000;

/**
 * One deliverer: the outbox dispatcher of one worker process. Its claims on notices carry its id.
 * It keeps in memory the sends Telegram accepted whose record could not be written (the database
 * went away between the send and the record) and writes them first once the database answers;
 * its claim, written before the send and kept until then, stops another process from sending
 * such a notice again meanwhile. Memory alone could not.
 */
export interface NoticeDeliverer {
  readonly id: string;
  readonly leaseMs: number;
  /** Event key → chat → outcome of the sends not recorded yet. */
  readonly unrecorded: Map<string, Map<number, SendOutcome>>;
  /**
   * Set when its process stops: it takes no further notice, so a stop waits for one send at most
   * (not for a backlog of thousands); the rest stay unclaimed for the other deliverers.
   */
  stopping: boolean;
}

export function newNoticeDeliverer(): NoticeDeliverer {
  return {
    id: `${hostname()}:${process.pid}:${randomUUID()}`,
    leaseMs: NOTICE_CLAIM_LEASE_MS,
    unrecorded: new Map(),
    stopping: false,
  };
}

async function recordOutcome(db: Queryable, eventKey: string, chatId: number, outcome: SendOutcome) {
  await recordDelivery(db, eventKey, chatId, outcome);
  if (outcome === 'blocked') await markChatBlocked(db, chatId);
}

/** Writes the outcomes `deliverer` kept of one notice's sends; kept until written. */
async function recordKeptSends(db: Queryable, deliverer: NoticeDeliverer, eventKey: string) {
  const kept = deliverer.unrecorded.get(eventKey);
  if (kept === undefined) return;
  for (const [chatId, outcome] of kept) {
    await recordOutcome(db, eventKey, chatId, outcome);
    kept.delete(chatId);
  }
  deliverer.unrecorded.delete(eventKey);
}

/**
 * Writes the records of the sends `deliverer` kept, first thing once the database answers again,
 * then gives up its claims on those notices: any deliverer may finish them now.
 */
export async function recordUnrecordedSends(pool: Pool, deliverer: NoticeDeliverer): Promise<void> {
  for (const eventKey of [...deliverer.unrecorded.keys()]) {
    await recordKeptSends(pool, deliverer, eventKey);
    await releaseNoticeClaim(pool, eventKey, deliverer.id);
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
 * chat) pair is recorded once sent, so a retry after a partial failure sends only the rest; a
 * claim on the row, written before any send, keeps two deliverers (two worker processes) from
 * sending the same notice, across a database restart too. A failure is recorded on its row with
 * the time of the next attempt, and returned so the caller can log it.
 */
export async function deliverOutboxNotifications(
  pool: Pool,
  channel: NotificationChannel,
  eventKeys: string[],
  prepare?: NoticePreparer,
  deliverer: NoticeDeliverer = newNoticeDeliverer(),
): Promise<{ sent: number; failed: FailedNotice[]; skipped: number }> {
  const notices = await undeliveredNotices(pool, eventKeys);
  let sent = 0;
  const failed: FailedNotice[] = [];
  let skipped = 0;
  const client = await pool.connect();
  try {
    for (const notice of notices) {
      if (deliverer.stopping) break;
      // Another deliverer holds this notice (it sends or retries it itself), or it is settled.
      if (!(await claimNotice(client, notice.eventKey, deliverer.id, deliverer.leaseMs))) {
        skipped += 1;
        continue;
      }
      try {
        sent += await deliverOne(client, channel, notice, prepare, deliverer);
      } catch (error) {
        // Stored and logged: a 16-digit run in an error text may be a NIK, so it is masked.
        const message = maskNikRuns(error instanceof Error ? error.message : String(error));
        // A send not yet recorded keeps the claim: only this deliverer knows that it went out.
        const release = deliverer.unrecorded.has(notice.eventKey) ? null : deliverer.id;
        const attempts = await recordFailedAttempt(
          client,
          notice.eventKey,
          message,
          RETRY_BACKOFF,
          release,
        ).catch(() => 0);
        failed.push({ eventKey: notice.eventKey, attempts, error: message });
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

/**
 * Runs one send, renewing the claim meanwhile: a send may wait out Telegram's retry_after for
 * longer than the lease. On the delivery's own client, so a renewal never comes after the record.
 */
async function sendKeepingClaim<T>(
  client: PoolClient,
  eventKey: string,
  deliverer: NoticeDeliverer,
  send: () => Promise<T>,
): Promise<T> {
  const renewal = setInterval(() => {
    claimNotice(client, eventKey, deliverer.id, deliverer.leaseMs).catch(() => {});
  }, deliverer.leaseMs / 4);
  try {
    return await send();
  } finally {
    clearInterval(renewal);
  }
}

function keepUnrecorded(deliverer: NoticeDeliverer, eventKey: string, chatId: number, outcome: SendOutcome) {
  const kept = deliverer.unrecorded.get(eventKey) ?? new Map<number, SendOutcome>();
  kept.set(chatId, outcome);
  deliverer.unrecorded.set(eventKey, kept);
}

function forgetRecorded(deliverer: NoticeDeliverer, eventKey: string, chatId: number) {
  const kept = deliverer.unrecorded.get(eventKey);
  kept?.delete(chatId);
  if (kept?.size === 0) deliverer.unrecorded.delete(eventKey);
}

/** Delivers one notice this deliverer has claimed; resolves with how many messages went out. */
async function deliverOne(
  client: PoolClient,
  channel: NotificationChannel,
  notice: OutboxNotice,
  prepare: NoticePreparer | undefined,
  deliverer: NoticeDeliverer,
) {
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
  await recordKeptSends(client, deliverer, notice.eventKey);
  const skip = await chatsDoneOrBlocked(client, notice.eventKey, chats);
  // Notes and reasons are free text: only the applicant (or complainant) sees a NIK written into one.
  const own =
    notice.audience === 'applicant' || notice.audience === 'complainant'
      ? notice.params
      : maskNikInText(notice.params);
  const params = { ...own, ...prepared.params };
  let sent = 0;
  for (const chatId of chats.filter((c) => !skip.has(c))) {
    // Renewed before every send: without the database nothing goes out, and a deliverer whose
    // claim ran out and passed to another stops here.
    if (!(await claimNotice(client, notice.eventKey, deliverer.id, deliverer.leaseMs))) return sent;
    const outcome = await sendKeepingClaim(client, notice.eventKey, deliverer, () =>
      channel.send({
        eventKey: notice.eventKey,
        audience: notice.audience,
        template: notice.template,
        params,
        chatId,
        ...(prepared.attachment ? { attachment: prepared.attachment } : {}),
      }),
    );
    keepUnrecorded(deliverer, notice.eventKey, chatId, outcome);
    await recordOutcome(client, notice.eventKey, chatId, outcome);
    forgetRecorded(deliverer, notice.eventKey, chatId);
    if (outcome !== 'blocked') sent += 1;
  }
  await markNoticeDelivered(
    client,
    notice.eventKey,
    chats.length === 0 ? 'no recipient with a Telegram chat' : null,
  );
  return sent;
}
