import type { Pool, PoolClient, Queryable } from '../db/pool.js';
import { maskNikInText } from '../domain/access/personalDataMasking.js';
import { maskNikRuns } from '../domain/identifiers/nik.js';
import { messagesForChat } from '../domain/notifications/noticeDigest.js';
import { MANAGER_ROLE } from '../domain/officers/managerRole.js';
import {
  chatsReached,
  claimNotices,
  markNoticesDelivered,
  markNoticeUndeliverable,
  type OutboxNotice,
  recordFailedAttempt,
  releaseNoticeClaims,
  renewNoticeClaims,
  undeliveredNotices,
} from '../repositories/outboxRepository.js';
import { applicantChatsOf, officerChatsOf } from '../repositories/telegramChatRepository.js';
import { type NoticeDeliverer, newNoticeDeliverer, recordKeptSends, recordSend } from './noticeDeliverer.js';
import type { NoticePreparer } from './noticePreparation.js';
import type { NotificationChannel, OutgoingNotification } from './notificationChannel.js';

export {
  NOTICE_CLAIM_LEASE_MS,
  type NoticeDeliverer,
  newNoticeDeliverer,
  recordUnrecordedSends,
} from './noticeDeliverer.js';

/** Back-off of a notice whose delivery failed: 2 s, 4 s, 8 s … at most 5 minutes, never dropped. */
const RETRY_BACKOFF = { firstMs: 2_000, maxMs: 5 * 60_000 } as const;

/** A notice whose delivery failed this time; it is retried after its back-off. */
export interface FailedNotice {
  eventKey: string;
  /** Attempts so far, this one included. */
  attempts: number;
  error: string;
}

/** A claimed notice on its way: what it says, and to which chats it still goes. */
interface NoticeOnItsWay {
  notice: OutboxNotice;
  message: Omit<OutgoingNotification, 'chatId'>;
  /** Chats it goes to, those it reached already left out. */
  chats: number[];
  /** How many chats it was for in all; none means no recipient has a Telegram chat. */
  recipients: number;
  /** A send failed (it waits for its back-off) or its claim passed to another deliverer. */
  dropped: boolean;
}

/**
 * A round's chat lookups, each made once: the applicants' and complainants' chats of all its
 * notices in one statement (made when the first notice needs it, so a failure fails the notices
 * one by one, as a failed send does), and officers' chats once per (audience, role, department).
 */
interface RoundChatLookups {
  ownChats(): ReturnType<typeof applicantChatsOf>;
  officerChats(audience: OutboxNotice['audience'], role?: string, department?: string): Promise<number[]>;
}

function roundChatLookups(db: Queryable, notices: readonly OutboxNotice[]): RoundChatLookups {
  let own: ReturnType<typeof applicantChatsOf> | undefined;
  const officers = new Map<string, Promise<number[]>>();
  const keysOf = (audience: OutboxNotice['audience']) => [
    ...new Set(notices.filter((n) => n.audience === audience).map((n) => n.workflowId)),
  ];
  return {
    ownChats: () => {
      own ??= applicantChatsOf(db, {
        registrationNumbers: keysOf('applicant'),
        tickets: keysOf('complainant'),
      });
      return own;
    },
    officerChats: (audience, role, department) => {
      const key = JSON.stringify([audience, role, department]);
      let chats = officers.get(key);
      if (chats === undefined) {
        chats = officerChatsOf(db, role, department, audience === 'managers');
        officers.set(key, chats);
      }
      return chats;
    },
  };
}

/** Chat IDs a notification goes to: the applicant's, the officers of a role, or the managers. */
async function recipientChats(notice: OutboxNotice, lookups: RoundChatLookups): Promise<number[]> {
  if (notice.audience === 'applicant' || notice.audience === 'complainant') {
    const { byFile, byTicket } = await lookups.ownChats();
    const chat = (notice.audience === 'applicant' ? byFile : byTicket).get(notice.workflowId);
    return chat === undefined ? [] : [chat];
  }
  const role = notice.audience === 'managers' ? MANAGER_ROLE : notice.recipient.role;
  return lookups.officerChats(notice.audience, role, notice.recipient.department);
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
 * Readies one claimed notice: its preparation (the SKRD is issued even for a file no chat can
 * reach), its text's parameters and its recipients' chats. Null when it is settled without a
 * send (skipped by its preparation, or no sender for its channel).
 */
async function readyNotice(
  client: PoolClient,
  notice: OutboxNotice,
  prepare: NoticePreparer | undefined,
  deliverer: NoticeDeliverer,
  lookups: RoundChatLookups,
): Promise<NoticeOnItsWay | null> {
  const prepared = (await prepare?.(client, notice)) ?? {};
  if (prepared.skip !== undefined) {
    await markNoticesDelivered(client, [notice.eventKey], `not sent: ${prepared.skip}`);
    return null;
  }
  const undeliverable = undeliverableReason(notice);
  if (undeliverable !== null) {
    await markNoticeUndeliverable(client, notice.eventKey, undeliverable);
    return null;
  }
  const chats = await recipientChats(notice, lookups);
  // What this deliverer sent but could not record yet is written before the chats it reached are read.
  await recordKeptSends(client, deliverer, notice.eventKey);
  // Notes and reasons are free text: only the applicant (or complainant) sees a NIK written into one.
  const own =
    notice.audience === 'applicant' || notice.audience === 'complainant'
      ? notice.params
      : maskNikInText(notice.params);
  return {
    notice,
    message: {
      eventKey: notice.eventKey,
      audience: notice.audience,
      template: notice.template,
      params: { ...own, ...prepared.params },
      ...(prepared.attachment ? { attachment: prepared.attachment } : {}),
    },
    chats,
    recipients: chats.length,
    dropped: false,
  };
}

/** Leaves out of each notice's chats those it reached already and those that blocked the bot. */
async function leaveOutReachedChats(client: PoolClient, onTheirWay: NoticeOnItsWay[]): Promise<void> {
  if (onTheirWay.length === 0) return;
  const { done, blocked } = await chatsReached(
    client,
    onTheirWay.map((item) => item.notice.eventKey),
    [...new Set(onTheirWay.flatMap((item) => item.chats))],
  );
  for (const item of onTheirWay) {
    const reached = done.get(item.notice.eventKey);
    item.chats = item.chats.filter((c) => !blocked.has(c) && !reached?.has(c));
  }
}

/** Each chat with the notices it still needs, chats in the order their first notice was written. */
function noticesByChat(onTheirWay: readonly NoticeOnItsWay[]): Map<number, NoticeOnItsWay[]> {
  const byChat = new Map<number, NoticeOnItsWay[]>();
  for (const item of onTheirWay) {
    for (const chatId of item.chats) byChat.set(chatId, [...(byChat.get(chatId) ?? []), item]);
  }
  return byChat;
}

/**
 * Sends the outbox rows named by `eventKeys` that are not yet delivered. Chat by chat: several
 * officers' notices waiting for one chat go as one digest (domain/notifications/noticeDigest).
 * Each (notification, chat) pair is recorded once sent, so a retry after a partial failure sends
 * only the rest; a claim on the row, written before any send and renewed before each, keeps two
 * deliverers (two worker processes) from sending the same notice, across a database restart too.
 * A failure is recorded on its row with the time of the next attempt, and returned so the caller
 * can log it. Resolves with the messages sent.
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
  const fail = async (item: { eventKey: string }, error: unknown) => {
    // Stored and logged: a 16-digit run in an error text may be a NIK, so it is masked.
    const message = maskNikRuns(error instanceof Error ? error.message : String(error));
    // A send not yet recorded keeps the claim: only this deliverer knows that it went out.
    const release = deliverer.unrecorded.has(item.eventKey) ? null : deliverer.id;
    const attempts = await recordFailedAttempt(client, item.eventKey, message, RETRY_BACKOFF, release).catch(
      () => 0,
    );
    failed.push({ eventKey: item.eventKey, attempts, error: message });
  };
  const onTheirWay: NoticeOnItsWay[] = [];
  // The whole batch stays claimed while the round works through it, chat by chat: a send may wait
  // out Telegram's retry_after, and many sends may take longer than the lease. On the round's own
  // client, so a renewal never comes after a record; a settled or released notice is not renewed.
  const renewal = setInterval(() => {
    const held = onTheirWay.filter((item) => !item.dropped).map((item) => item.notice.eventKey);
    renewNoticeClaims(client, held, deliverer.id, deliverer.leaseMs).catch(() => {});
  }, deliverer.leaseMs / 4);
  try {
    // Another deliverer holds the rest (it sends or retries them itself), or they are settled.
    const claimed = deliverer.stopping
      ? new Set<string>()
      : await claimNotices(
          client,
          notices.map((n) => n.eventKey),
          deliverer.id,
          deliverer.leaseMs,
        );
    skipped = notices.filter((n) => !claimed.has(n.eventKey)).length;
    const ours = notices.filter((n) => claimed.has(n.eventKey));
    const lookups = roundChatLookups(client, ours);
    for (const notice of ours) {
      try {
        const item = await readyNotice(client, notice, prepare, deliverer, lookups);
        if (item) onTheirWay.push(item);
      } catch (error) {
        await fail(notice, error);
      }
    }
    await leaveOutReachedChats(client, onTheirWay);
    for (const [chatId, waiting] of noticesByChat(onTheirWay)) {
      for (const message of messagesForChat(waiting, (item) => item.message)) {
        if (deliverer.stopping) break;
        // Claimed again before every send, in one statement: without the database nothing goes
        // out, and a notice whose claim passed to another deliverer is that one's to finish.
        const live = message.filter((m) => !m.dropped);
        if (live.length === 0) continue;
        const stillHeld = await claimNotices(
          client,
          live.map((item) => item.notice.eventKey),
          deliverer.id,
          deliverer.leaseMs,
        );
        const held = live.filter((item) => stillHeld.has(item.notice.eventKey));
        for (const item of live) if (!stillHeld.has(item.notice.eventKey)) item.dropped = true;
        if (held.length === 0) continue;
        const keys = held.map((item) => item.notice.eventKey);
        try {
          const outcome =
            held.length === 1
              ? await channel.send({ ...held[0]!.message, chatId })
              : await channel.sendDigest({ chatId, notices: held.map((item) => item.message) });
          await recordSend(client, deliverer, keys, chatId, outcome);
          if (outcome !== 'blocked') sent += 1;
        } catch (error) {
          for (const item of held) {
            item.dropped = true;
            await fail(item.notice, error);
          }
        }
        for (const item of held) item.chats = item.chats.filter((c) => c !== chatId);
      }
    }
    const kept = onTheirWay.filter((item) => !item.dropped);
    // Stopped before their turn: any deliverer may send the rest now.
    await releaseNoticeClaims(
      client,
      kept.filter((item) => item.chats.length > 0).map((item) => item.notice.eventKey),
      deliverer.id,
    );
    const finished = kept.filter((item) => item.chats.length === 0);
    await markNoticesDelivered(
      client,
      finished.filter((item) => item.recipients > 0).map((item) => item.notice.eventKey),
      null,
    );
    await markNoticesDelivered(
      client,
      finished.filter((item) => item.recipients === 0).map((item) => item.notice.eventKey),
      'no recipient with a Telegram chat',
    );
  } finally {
    clearInterval(renewal);
    client.release();
  }
  return { sent, failed, skipped };
}
