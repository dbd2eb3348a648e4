// The register as the runtime serves it: read it whole, or add units and apartments (status changes come from steps).
import { AppError } from '../errors.js';
import { RegisterChangedError } from './register-batch.js';
import type { HousingRegister } from './housing-register.js';
import { HousingSeedError, seedEvents, type HousingSeed } from './housing-seed.js';
import { toHousingView, type HousingView } from './housing-view.js';

export function createHousingService({ register, now }: { register: HousingRegister; now: () => Date }) {
  return {
    /** The housing register as it stands (reading it needs no process). */
    housingRegister(): HousingView {
      return toHousingView(register.state);
    },

    /** New units and apartments (demo data, tests, the register's admin); a seed that clashes becomes the AppError its kind names. */
    async seedHousing(seed: HousingSeed): Promise<void> {
      const { units, apartments } = register.state;
      let events;
      try {
        events = seedEvents(seed, { unitIds: new Set(units.keys()), apartmentIds: new Set(apartments.keys()) });
      } catch (err) {
        if (err instanceof HousingSeedError) throw new AppError(err.kind, err.message);
        throw err;
      }
      try {
        await register.setUp(events, now);
      } catch (err) {
        // A shared store: another server changed the register since this one read it; nothing was added.
        if (err instanceof RegisterChangedError) throw new AppError('conflict', 'Registret ändrades samtidigt på en annan server. Ladda om och försök igen.');
        throw err;
      }
    },
  };
}

export type HousingService = ReturnType<typeof createHousingService>;
