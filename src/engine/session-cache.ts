// Keeps the engines of the most recently used instances, so a burst of steps on one case skips recover and resume.
import { LRUCache } from 'lru-cache';
import type { InstanceSession } from './execution/instance-session.js';

interface Kept {
  session: InstanceSession;
  /** The stored rev the engine's state belongs to; any other rev means it is stale. */
  rev: number;
  lastSeq: number;
}

/** A small LRU (each engine holds ~0.5 MB); idle instances hold no engine at all. */
export class SessionCache {
  private readonly kept: LRUCache<string, Kept> | null;

  constructor(size: number) {
    this.kept = size > 0 ? new LRUCache({ max: size }) : null;
  }

  /** The kept session if it matches the stored rev; removed either way, so a failed transition cannot reuse it. */
  take(id: string, rev: number): Kept | undefined {
    const kept = this.kept?.get(id);
    this.kept?.delete(id);
    return kept && kept.rev === rev ? kept : undefined;
  }

  keep(id: string, session: InstanceSession, rev: number, lastSeq: number): void {
    if (session.state === 'running') this.kept?.set(id, { session, rev, lastSeq });
  }

  /** Drops a kept engine: a step the case will not soon follow with another (a timer) should not crowd out others. */
  forget(id: string): void {
    this.kept?.delete(id);
  }

  /** A change outside the engine (a claim) moves the rev on without touching the engine's state. */
  advance(id: string, fromRev: number, toRev: number, lastSeq: number): void {
    const kept = this.kept?.get(id);
    if (kept && kept.rev === fromRev) this.kept!.set(id, { ...kept, rev: toRev, lastSeq });
    else this.kept?.delete(id);
  }
}
