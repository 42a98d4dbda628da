// Where notifications go out. The Telegram implementation lives with the bot; tests use a
// recording channel. The outbox delivery resolves recipients to chat IDs before calling.

/** A document sent with the notice (the SKRD): its text becomes the document's caption. */
export interface NotificationAttachment {
  fileName: string;
  content: Buffer;
}

export interface OutgoingNotification {
  eventKey: string;
  audience: string;
  template: string;
  params: Record<string, string | number | boolean | null>;
  chatId: number;
  attachment?: NotificationAttachment;
}

/** Several notices for one chat in one message (see domain/notifications/noticeDigest). */
export interface OutgoingDigest {
  chatId: number;
  notices: Omit<OutgoingNotification, 'chatId' | 'attachment'>[];
}

/** 'blocked': the chat blocked the bot or no longer exists; it is recorded and not retried. */
export type SendOutcome = 'sent' | 'blocked';

export interface NotificationChannel {
  send(notification: OutgoingNotification): Promise<SendOutcome>;
  sendDigest(digest: OutgoingDigest): Promise<SendOutcome>;
}
