// A file that may not exist yet (a history, a journal before its first append): its text, or null.
import { readFile } from 'node:fs/promises';

export async function readTextIfPresent(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
