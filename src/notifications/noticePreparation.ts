// A step between the outbox row and the channel: what a notice needs that its transition did not
// write (a document to attach, facts known only once issued), or why it should not go out now.

import type { Queryable } from '../db/pool.js';
import type { OutboxNotice } from '../repositories/outboxRepository.js';
import type { NotificationAttachment } from './notificationChannel.js';

export interface NoticePreparation {
  /** Merged over the notice's own parameters. */
  params?: OutboxNotice['params'];
  attachment?: NotificationAttachment;
  /** Settle the notice without sending it, for this reason. */
  skip?: string;
}

export type NoticePreparer = (db: Queryable, notice: OutboxNotice) => Promise<NoticePreparation>;
