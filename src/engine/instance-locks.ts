// One transition at a time per instance: a mutex per case id, dropped again once nobody holds or waits for it.
import { Mutex } from 'async-mutex';

export class InstanceLocks {
  private readonly locks = new Map<string, Mutex>();

  /** Runs `work` after every earlier transition of the same instance is done. */
  async run<T>(id: string, work: () => Promise<T>): Promise<T> {
    let mutex = this.locks.get(id);
    if (!mutex) this.locks.set(id, (mutex = new Mutex()));
    try {
      return await mutex.runExclusive(work);
    } finally {
      if (!mutex.isLocked()) this.locks.delete(id);
    }
  }
}
