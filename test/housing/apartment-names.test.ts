// Bevakningar name apartments as people know them: the register's ids in a routine's text become boende and number.
import { describe, expect, test } from 'vitest';
import { withApartmentNames } from '../../src/housing/index.js';
import { emptyHousingState } from '../../src/housing/housing-model.js';
import { applyHousingEvent } from '../../src/housing/housing-events.js';
import { seedEvents } from '../../src/housing/housing-seed.js';

const state = emptyHousingState();
for (const event of seedEvents({
  units: [{ id: 'solbacken', name: 'Solbackens äldreboende', law: 'SoL', profile: 'Äldreboende' }],
  apartments: [{ id: 'solbacken-12', unitId: 'solbacken', number: '12', rooms: 1, sizeSqm: 30, rent: 5000, status: 'ledig' }],
})) applyHousingEvent(state, event);

describe('apartment names in text', () => {
  test('when a text holds an apartment id, then it reads the boende and number; other words and longer ids are left as they are', () => {
    expect(withApartmentNames(state, 'Lägenhet solbacken-12 är ledig. Släpp solbacken-12.')).toBe('Lägenhet Solbackens äldreboende 12 är ledig. Släpp Solbackens äldreboende 12.');
    expect(withApartmentNames(state, 'solbacken-123 och solbacken är inte lägenheter i registret')).toBe('solbacken-123 och solbacken är inte lägenheter i registret');
  });
});
