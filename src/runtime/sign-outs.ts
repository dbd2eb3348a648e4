// Sign-outs that must outlive a restart: the session lives in the cookie, so a signed-out sign-in's id is kept until
// its cookie would have expired; stored with the settings, so an old cookie does not work again after a restart.
import { Mutex } from 'async-mutex';
import type { SettingsRepository } from '../store/index.js';

const signOutsSetting = 'revokedSignIns';

export function createSignOutService({ settings }: { settings: SettingsRepository }) {
  const writing = new Mutex();
  return {
    /** The signed-out sign-ins by id, with when each may be forgotten (ms since the epoch). */
    async signOuts(): Promise<Record<string, number>> {
      return (await settings.get<Record<string, number>>(signOutsSetting)) ?? {};
    },

    /** Records a sign-out until `until`; the ones past their time are dropped on the way. */
    async recordSignOut(sid: string, until: number): Promise<void> {
      await writing.runExclusive(async () => {
        const now = Date.now();
        const kept = Object.fromEntries(Object.entries((await settings.get<Record<string, number>>(signOutsSetting)) ?? {}).filter(([, at]) => at > now));
        await settings.set(signOutsSetting, { ...kept, [sid]: until });
      });
    },
  };
}
