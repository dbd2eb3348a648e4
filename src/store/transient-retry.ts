// A write that meets a busy file system (a file held by a backup or a virus scan, too many open files) is tried again
// after a short wait, before its transition fails and the person sees an error.
const transientCodes = new Set(['EBUSY', 'EAGAIN', 'EMFILE', 'ENFILE', 'ETIMEDOUT']);

/** Waits between the attempts: four tries over about half a second. */
export const transientRetryDelaysMs = [20, 100, 400] as const;

export function isTransient(error: unknown): boolean {
  return transientCodes.has((error as NodeJS.ErrnoException | undefined)?.code ?? '');
}

/** Runs `work`; on a transient error it waits and tries again, up to `delays.length` more times, then gives up. */
export async function withTransientRetry<T>(work: () => Promise<T>, delays: readonly number[] = transientRetryDelaysMs): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const wait = delays[attempt];
      if (wait === undefined || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
