// What every part of the copy works with: both stores open, the database's own pool, and where progress is told.
import type pg from 'pg';
import type { Store } from '../port.js';

export interface CopyContext {
  /** The embedded store, opened (its data directory locked) by this process. */
  source: Store;
  /** The PostgreSQL store, opened (migrated, its server lock held) by this process. */
  target: Store;
  /** A pool on the same database, for what the port cannot do (whole histories, journal records at given seqs). */
  pool: pg.Pool;
  /** The embedded store's directory, for what only its files tell (the settings' names, the diagrams' bytes). */
  dataDir: string;
  /** One line of progress for the person running the copy; ids and counts only. */
  report(line: string): void;
}

/** Tells "N av M" every `step` items and at the last one, so a large copy shows it is moving without a flood. */
export function progress(context: CopyContext, what: string, total: number): (done: number) => void {
  const step = Math.max(1, Math.ceil(total / 20));
  return (done) => {
    if (done === total || done % step === 0) context.report(`${what}: ${done} av ${total}`);
  };
}
