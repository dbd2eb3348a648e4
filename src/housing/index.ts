// The housing register (Boendemodul): units, apartments, queue, offers and waitlist, changed through its journal.
export type { HousingEvent } from './housing-events.js';
export { type Apartment, type ApartmentStatus, apartmentStatuses, type HousingState, type Unit } from './housing-model.js';
export { HousingRegister } from './housing-register.js';
export { type HousingSeed, HousingSeedSchema } from './housing-seed.js';
export { createHousingService } from './housing-service.js';
export { apartmentChoices, housingReferenceName, offerChoices, queueEntryChoices, unitChoices, withApartmentNames } from './housing-choices.js';
export { HousingTransaction } from './housing-transaction.js';
export { RegisterChangedError, type RegisterBatch } from './register-batch.js';
export { unitsWithCounts, type HousingView, type UnitWithCounts } from './housing-view.js';
