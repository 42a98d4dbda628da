import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Pool, Queryable } from '../db/pool.js';
import { recordDeliveries, releaseNoticeClaims } from '../repositories/outboxRepository.js';
import { markChatBlocked } from '../repositories/telegramChatRepository.js';
import type { SendOutcome } from './notificationChannel.js';

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

async function recordOutcome(
  db: Queryable,
  eventKeys: readonly string[],
  chatId: number,
  outcome: SendOutcome,
) {
  await recordDeliveries(db, eventKeys, chatId, outcome);
  if (outcome === 'blocked') await markChatBlocked(db, chatId);
}

/**
 * Records what one message to `chatId` did for each of `eventKeys` (one notice, or a digest's):
 * kept in memory first, so a record the database refuses is written by the next round.
 */
export async function recordSend(
  db: Queryable,
  deliverer: NoticeDeliverer,
  eventKeys: readonly string[],
  chatId: number,
  outcome: SendOutcome,
): Promise<void> {
  for (const eventKey of eventKeys) {
    const kept = deliverer.unrecorded.get(eventKey) ?? new Map<number, SendOutcome>();
    kept.set(chatId, outcome);
    deliverer.unrecorded.set(eventKey, kept);
  }
  await recordOutcome(db, eventKeys, chatId, outcome);
  for (const eventKey of eventKeys) {
    const kept = deliverer.unrecorded.get(eventKey);
    kept?.delete(chatId);
    if (kept?.size === 0) deliverer.unrecorded.delete(eventKey);
  }
}

/** Writes the outcomes `deliverer` kept of one notice's sends; kept until written. */
export async function recordKeptSends(db: Queryable, deliverer: NoticeDeliverer, eventKey: string) {
  const kept = deliverer.unrecorded.get(eventKey);
  if (kept === undefined) return;
  for (const [chatId, outcome] of kept) {
    await recordOutcome(db, [eventKey], chatId, outcome);
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
    await releaseNoticeClaims(pool, [eventKey], deliverer.id);
  }
}
