// A lowdb adapter that fails closed on a corrupt file and makes every write durable and ordered.
import type { Adapter } from 'lowdb';
import { writeFileDurably } from './durable-write.js';
import { KeyedQueue } from './keyed-queue.js';
import { readTextIfPresent } from './read-if-present.js';

/** Shared by every adapter in the process, so two adapters for one file still write in call order. */
const writesPerFile = new KeyedQueue();

/** Thrown when a stored file exists but is not valid JSON; the file is left as it is. */
export class CorruptFileError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`Filen är skadad och kan inte läsas: ${file} (corrupt JSON: ${(cause as Error).message})`, { cause });
    this.name = 'CorruptFileError';
  }
}

/** Reads and parses a JSON file; null when it does not exist, CorruptFileError when it does not parse. */
export async function readJsonFile<T>(file: string): Promise<T | null> {
  return (await readJsonFileWithText<T>(file))?.value ?? null;
}

/** Like readJsonFile, with the text as read beside the value. */
export async function readJsonFileWithText<T>(file: string): Promise<{ value: T; text: string } | null> {
  const text = await readTextIfPresent(file);
  if (text === null) return null;
  try {
    return { value: JSON.parse(text) as T, text };
  } catch (error) {
    throw new CorruptFileError(file, error);
  }
}

/** lowdb `Adapter<T>` for one JSON file: compact JSON, durable replace, writes to the same file serialized in order. */
export class DurableJsonFile<T> implements Adapter<T> {
  /** `flush: false` for derived files (summaries): still atomic, not fsynced. */
  constructor(readonly file: string, private readonly options: { flush: boolean } = { flush: true }) {}

  read(): Promise<T | null> {
    return readJsonFile<T>(this.file);
  }

  write(data: T): Promise<void> {
    return this.writeText(JSON.stringify(data));
  }

  /** Stores `text`, which must be the JSON of a T (for a caller that keeps the text it stored). */
  writeText(text: string): Promise<void> {
    return writesPerFile.run(this.file, () => writeFileDurably(this.file, text, this.options.flush));
  }
}
