// What a stored transition sets off in other cases: its messages delivered, the child cases of its call activities moved.
import type { InstanceSummary } from './records/index.js';

export class AfterStore {
  private relay: ((senderId: string) => Promise<void>) | null = null;
  private callHook: ((stored: InstanceSummary) => Promise<void>) | null = null;

  onOutbox(relay: (senderId: string) => Promise<void>): void {
    this.relay = relay;
  }

  onStoredCalls(hook: (stored: InstanceSummary) => Promise<void>): void {
    this.callHook = hook;
  }

  /** Runs the hooks `stored` needs, once its instance's lock is released; answers `stored`. */
  async follow(stored: InstanceSummary): Promise<InstanceSummary> {
    if (stored.outbox?.length && this.relay) await this.relay(stored.id);
    if ((stored.calls?.length || stored.calledBy) && this.callHook) await this.callHook(stored);
    return stored;
  }
}
