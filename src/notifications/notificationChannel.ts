// Where notifications go out. The Telegram implementation lives with the bot; tests use a
// recording channel. The outbox delivery resolves recipients to chat IDs before calling.

export interface OutgoingNotification {
  eventKey: string;
  audience: string;
  template: string;
  params: Record<string, string | number | boolean | null>;
  chatId: number;
}

/** 'blocked': the chat blocked the bot or no longer exists; it is recorded and not retried. */
export type SendOutcome = 'sent' | 'blocked';

export interface NotificationChannel {
  send(notification: OutgoingNotification): Promise<SendOutcome>;
}
