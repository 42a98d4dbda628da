import type {
  NotificationChannel,
  OutgoingDigest,
  OutgoingNotification,
  SendOutcome,
} from '../../src/notifications/notificationChannel.js';

/** A notification channel that keeps what it was asked to send, for assertions. */
export class RecordingChannel implements NotificationChannel {
  /** Every notice sent, a digest's one by one. */
  readonly sent: OutgoingNotification[] = [];
  /** The digests among them, as sent. */
  readonly digests: OutgoingDigest[] = [];
  /** Chats that answer as if they blocked the bot. */
  readonly blockedChats = new Set<number>();
  /** How many of the next sends fail as if the Bot API were unreachable. */
  failures = 0;

  async send(notification: OutgoingNotification): Promise<SendOutcome> {
    if (this.refuses(notification.chatId)) return 'blocked';
    this.sent.push(notification);
    return 'sent';
  }

  async sendDigest(digest: OutgoingDigest): Promise<SendOutcome> {
    if (this.refuses(digest.chatId)) return 'blocked';
    this.digests.push(digest);
    for (const notice of digest.notices) this.sent.push({ ...notice, chatId: digest.chatId });
    return 'sent';
  }

  /** Throws for a simulated failure; true for a chat that blocked the bot. */
  private refuses(chatId: number): boolean {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('Bot API unreachable (simulated)');
    }
    return this.blockedChats.has(chatId);
  }

  to(chatId: number, registrationNumber?: string): OutgoingNotification[] {
    return this.sent.filter(
      (n) =>
        n.chatId === chatId &&
        (registrationNumber === undefined || n.eventKey.startsWith(`${registrationNumber}:`)),
    );
  }
}
