// The messages from other cases an instance has taken in, by outbox id: one sent again after a crash is taken once.

/** How many received message ids a case remembers; a resend comes right after a crash, long before that many more. */
const receivedMessagesKept = 200;

export class ReceivedMessages {
  private received: string[] = [];

  constructor(private stored: readonly string[]) {}

  /** The next transition on the same engine starts from the stored ids. */
  begin(stored: readonly string[]): void {
    this.stored = stored;
    this.received = [];
  }

  /** Whether a message from another case with this outbox id was taken in already (it is sent again after a crash). */
  has(messageId: string): boolean {
    return this.stored.includes(messageId) || this.received.includes(messageId);
  }

  /** Remembers that the message from another case with this outbox id was taken in by this transition. */
  mark(messageId: string): void {
    this.received.push(messageId);
  }

  /** The ids to store, the newest kept; null when this transition took nothing in (the stored ones stay). */
  toStore(): string[] | null {
    return this.received.length ? [...this.stored, ...this.received].slice(-receivedMessagesKept) : null;
  }
}
