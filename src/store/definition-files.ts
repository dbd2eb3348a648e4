// The DefinitionRepository on files: an index of versions plus each version's BPMN source, written once.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile } from './durable-json-file.js';
import { fsyncDir, writeFileDurably } from './durable-write.js';
import { KeyedQueue } from './keyed-queue.js';
import { replaceData } from './replace-data.js';
import type { DefinitionRepository, DefinitionVersion } from '../engine/index.js';
import { assertSafeName } from './safe-name.js';
import type { StoreGuard } from './instance-files.js';

/** `definitions/index.json` lists every version; `definitions/<key>/v<version>.bpmn` holds its source. */
export class DefinitionFiles implements DefinitionRepository {
  private readonly db: Low<DefinitionVersion[]>;
  private readonly adds = new KeyedQueue();

  constructor(
    private readonly dir: string,
    private readonly guard: StoreGuard,
  ) {
    this.db = new Low(new DurableJsonFile<DefinitionVersion[]>(path.join(dir, 'index.json')), []);
  }

  /** Reads the index into memory; called by the store's `open()`. */
  async load(): Promise<void> {
    await this.db.read();
    this.db.data ??= [];
  }

  async list(): Promise<DefinitionVersion[]> {
    this.guard.readable();
    return this.db.data.map((version) => ({ ...version }));
  }

  async getSource(key: string, version: number): Promise<string> {
    this.guard.readable();
    try {
      return await readFile(this.sourceFile(key, version), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      throw new Error(`Processen ${key} version ${version} finns inte (definition source not found)`);
    }
  }

  async add(version: DefinitionVersion, source: string): Promise<void> {
    this.guard.writable();
    const file = this.sourceFile(version.key, version.version);
    await this.adds.run('index', async () => {
      if (this.db.data.some((known) => known.key === version.key && known.version === version.version)) {
        throw new Error(`Processen ${version.key} version ${version.version} finns redan (version already stored)`);
      }
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      await fsyncDir(this.dir);
      await writeFileDurably(file, source);
      await replaceData(this.db, [...this.db.data, { ...version }]);
    });
  }

  /** Resolves when every add queued so far has settled. */
  idle(): Promise<void> {
    return this.adds.idle();
  }

  private sourceFile(key: string, version: number): string {
    assertSafeName(key, 'processnyckel (process key)');
    if (!Number.isInteger(version) || version < 1) {
      throw new Error(`Ogiltig version: ${version} (must be an integer ≥ 1)`);
    }
    return path.join(this.dir, key, `v${version}.bpmn`);
  }
}
