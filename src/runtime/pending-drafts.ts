// Task forms sent after their sender's sign-in ran out: kept for an hour, bound to that person, and saved as the task's
// draft once they sign in again. Stored with the settings, so a restart in between loses nothing typed. Never logged.
import { randomUUID } from 'node:crypto';
import type { SettingsRepository } from '../store/index.js';

export interface PendingDraft {
  username: string;
  taskId: string;
  values: Record<string, unknown>;
}

const pendingDraftsSetting = 'pendingDrafts';
/** How long a kept form waits for its sender, and how many are kept at most (the oldest go first). */
const keepMs = 60 * 60 * 1000;
const maxKept = 500;

type Kept = Record<string, PendingDraft & { until: number }>;

export function createPendingDraftService({ settings }: { settings: SettingsRepository }) {
  /** Changes the kept forms one change at a time (on any server), dropping those past their hour on the way. */
  const change = async <T>(act: (kept: Kept) => T): Promise<T> => {
    let result: T | undefined;
    await settings.update<Kept>(pendingDraftsSetting, (current) => {
      const now = Date.now();
      const kept: Kept = Object.fromEntries(Object.entries(current ?? {}).filter(([, draft]) => draft.until >= now));
      result = act(kept);
      return kept;
    });
    return result as T;
  };

  return {
    /** Keeps the form and returns its id (for the sender's session). */
    keepPendingDraft(draft: PendingDraft): Promise<string> {
      return change((kept) => {
        const ids = Object.keys(kept).sort((a, b) => kept[a]!.until - kept[b]!.until);
        for (const old of ids.slice(0, Math.max(0, ids.length - maxKept + 1))) delete kept[old];
        const id = randomUUID();
        kept[id] = { ...draft, until: Date.now() + keepMs };
        return id;
      });
    },

    /** The kept form, once, when it is `username`'s and still kept; otherwise nothing (and it is gone). */
    takePendingDraft(id: string | undefined, username: string): Promise<PendingDraft | undefined> {
      if (!id) return Promise.resolve(undefined);
      return change((kept) => {
        const draft = kept[id];
        delete kept[id];
        if (!draft || draft.username !== username) return undefined;
        return { username: draft.username, taskId: draft.taskId, values: draft.values };
      });
    },
  };
}
