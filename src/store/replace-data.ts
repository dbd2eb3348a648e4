// lowdb has no transactions: swap in the new data, write it, and put the old data back if the write fails.
import type { Low } from 'lowdb';

export async function replaceData<T>(db: Low<T>, next: T): Promise<void> {
  const previous = db.data;
  db.data = next;
  try {
    await db.write();
  } catch (error) {
    db.data = previous;
    throw error;
  }
}
