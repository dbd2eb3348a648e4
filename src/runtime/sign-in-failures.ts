// Failed sign-ins shared by the servers on a shared store, so a guesser gets ten tries per address and user name in
// fifteen minutes in all, not ten per server. Kept in one setting for the window only; nothing on the embedded store
// (one process counts them in memory).
import { type SharedSignInFailures, type SignInFailure, signInWindowMs } from '../auth/index.js';
import type { SettingsRepository } from '../store/index.js';

export const signInFailuresSetting = 'signInFailures';
/** Under a flood of names, the newest are kept: the setting stays small enough to rewrite on each failure. */
const maxKept = 5000;

export function createSignInFailureService(deps: {
  settings: SettingsRepository;
  shared: boolean;
  onLearned: (listener: (value: unknown) => void) => void;
}): { sharedSignInFailures: SharedSignInFailures | null } {
  if (!deps.shared) return { sharedSignInFailures: null };
  return {
    sharedSignInFailures: {
      async record(key) {
        await deps.settings.update<Record<string, SignInFailure>>(signInFailuresSetting, (current) => {
          const now = Date.now();
          const live = Object.entries(current ?? {}).filter(([, f]) => f.since + signInWindowMs > now);
          const earlier = live.find(([other]) => other === key)?.[1];
          const newest = live.filter(([other]) => other !== key).sort(([, a], [, b]) => b.since - a.since).slice(0, maxKept - 1);
          return Object.fromEntries([...newest, [key, { count: (earlier?.count ?? 0) + 1, since: earlier?.since ?? now }]]);
        });
      },
      onLearned(listener) {
        deps.onLearned((value) => {
          if (value !== null && typeof value === 'object') listener(value as Record<string, SignInFailure>);
        });
      },
    },
  };
}
