// Sign-outs that must outlive a restart: the session lives in the cookie, so a signed-out sign-in's id is kept until
// its cookie would have expired; stored with the settings, so an old cookie does not work again after a restart.
import type { SettingsRepository } from '../store/index.js';

/** The store setting that keeps the sign-outs. */
export const signOutsSetting = 'revokedSignIns';

export interface SignOutDeps {
  settings: SettingsRepository;
  /** A shared store: calls `listener` with the setting's value whenever another server (or this one) stored it. */
  onLearned?: (listener: (value: unknown) => void) => void;
}

export function createSignOutService({ settings, onLearned }: SignOutDeps) {
  return {
    /** Sign-outs stored by any server on a shared store, as they are learned (nothing on the embedded store). */
    onSignOutsLearned(listener: (all: Record<string, number>) => void): void {
      onLearned?.((value) => {
        if (value !== null && typeof value === 'object') listener(value as Record<string, number>);
      });
    },

    /** The signed-out sign-ins by id, with when each may be forgotten (ms since the epoch). */
    async signOuts(): Promise<Record<string, number>> {
      return (await settings.get<Record<string, number>>(signOutsSetting)) ?? {};
    },

    /** Records a sign-out until `until`; the ones past their time are dropped on the way. */
    async recordSignOut(sid: string, until: number): Promise<void> {
      // One change at a time, on any server: two sign-outs at the same moment both stay.
      await settings.update<Record<string, number>>(signOutsSetting, (current) => {
        const now = Date.now();
        return { ...Object.fromEntries(Object.entries(current ?? {}).filter(([, at]) => at > now)), [sid]: until };
      });
    },
  };
}
