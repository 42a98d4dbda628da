import type {
  NotificationChannel,
  OutgoingNotification,
  SendOutcome,
} from '../../src/notifications/notificationChannel.js';

/** A notification channel that keeps what it was asked to send, for assertions. */
export class RecordingChannel implements NotificationChannel {
  readonly sent: OutgoingNotification[] = [];
  /** Chats that answer as if they blocked the bot. */
  readonly blockedChats = new Set<number>();
  /** How many of the next sends fail as if the Bot API were unreachable. */
  failures = 0;

  async send(notification: OutgoingNotification): Promise<SendOutcome> {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('Bot API unreachable (simulated)');
    }
    if (this.blockedChats.has(notification.chatId)) return 'blocked';
    this.sent.push(notification);
    return 'sent';
  }

  to(chatId: number, registrationNumber?: string): OutgoingNotification[] {
    return this.sent.filter(
      (n) =>
        n.chatId === chatId &&
        (registrationNumber === undefined || n.eventKey.startsWith(`${registrationNumber}:`)),
    );
  }
}
