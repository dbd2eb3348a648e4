// The SettingsRepository on one small JSON file: name → value, held in memory and written through.
import path from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile } from './durable-json-file.js';
import type { StoreGuard } from './instance-files.js';
import { KeyedQueue } from './keyed-queue.js';
import { replaceData } from './replace-data.js';
import type { SettingsRepository } from './port.js';

/** `settings.json`; values must be JSON-serializable and are returned as copies. */
export class SettingsFile implements SettingsRepository {
  private readonly db: Low<Record<string, unknown>>;
  private readonly sets = new KeyedQueue();

  constructor(
    dataDir: string,
    private readonly guard: StoreGuard,
  ) {
    this.db = new Low(new DurableJsonFile<Record<string, unknown>>(path.join(dataDir, 'settings.json')), {});
  }

  /** Reads the file into memory; called by the store's `open()`. */
  async load(): Promise<void> {
    await this.db.read();
    this.db.data ??= {};
  }

  async get<T>(name: string): Promise<T | null> {
    this.guard.readable();
    return Object.hasOwn(this.db.data, name) ? (structuredClone(this.db.data[name]) as T) : null;
  }

  async set<T>(name: string, value: T): Promise<void> {
    await this.update<T>(name, () => value);
  }

  async update<T>(name: string, change: (current: T | null) => T): Promise<T> {
    this.guard.writable();
    return this.sets.run('settings', async () => {
      const value = change(Object.hasOwn(this.db.data, name) ? (structuredClone(this.db.data[name]) as T) : null);
      const text = JSON.stringify(value);
      if (text === undefined) throw new Error(`Inställningen ${name} kan inte sparas (value is not JSON)`);
      await replaceData(this.db, { ...this.db.data, [name]: JSON.parse(text) as unknown });
      return value;
    });
  }

  /** Resolves when every set queued so far has settled. */
  idle(): Promise<void> {
    return this.sets.idle();
  }
}
