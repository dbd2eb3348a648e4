// Task forms sent after their sender's sign-in ran out: kept in memory for an hour, bound to that person, and saved as
// the task's draft once they sign in again (login-pages.ts), so nothing typed is lost to a timeout. Never logged.
import { randomUUID } from 'node:crypto';

export interface PendingDraft {
  username: string;
  taskId: string;
  values: Record<string, unknown>;
}

/** How long a kept form waits for its sender, and how many are kept at most (the oldest go first). */
const keepMs = 60 * 60 * 1000;
const maxKept = 500;

export class PendingDrafts {
  private readonly kept = new Map<string, PendingDraft & { until: number }>();

  /** Keeps the form; the id goes into the sender's session. */
  keep(draft: PendingDraft): string {
    const now = Date.now();
    for (const [id, entry] of this.kept) if (entry.until < now) this.kept.delete(id);
    while (this.kept.size >= maxKept) this.kept.delete(this.kept.keys().next().value!);
    const id = randomUUID();
    this.kept.set(id, { ...draft, until: now + keepMs });
    return id;
  }

  /** The kept form, once, when it is `username`'s and still kept; otherwise nothing (and it is gone). */
  take(id: string | undefined, username: string): PendingDraft | undefined {
    if (!id) return undefined;
    const entry = this.kept.get(id);
    this.kept.delete(id);
    if (!entry || entry.until < Date.now() || entry.username !== username) return undefined;
    return { username: entry.username, taskId: entry.taskId, values: entry.values };
  }
}
