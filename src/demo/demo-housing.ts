// DEMO=1 on an empty register: a few units and apartments in different states.
import type { HousingSeed } from '../housing/index.js';

export const demoHousing: HousingSeed = {
  units: [
    { id: 'solrosen', name: 'Gruppbostad Solrosen', law: 'LSS', profile: 'Gruppbostad för vuxna med intellektuell funktionsnedsättning' },
    { id: 'lindgarden', name: 'Servicebostad Lindgården', law: 'LSS', profile: 'Servicebostad med gemensamhetslokal och personal dygnet runt' },
    { id: 'ekbacken', name: 'Ekbackens särskilda boende', law: 'SoL', profile: 'Särskilt boende för äldre med demensinriktning' },
  ],
  apartments: [
    { id: 'solrosen-1', unitId: 'solrosen', number: '1', rooms: 2, sizeSqm: 42, rent: 6200, status: 'uthyrd' },
    { id: 'solrosen-2', unitId: 'solrosen', number: '2', rooms: 2, sizeSqm: 41, rent: 6150, status: 'ledig', readyDate: '2026-12-01' },
    { id: 'lindgarden-11', unitId: 'lindgarden', number: '11', rooms: 1, sizeSqm: 35, rent: 5400, status: 'uthyrd' },
    { id: 'lindgarden-12', unitId: 'lindgarden', number: '12', rooms: 2, sizeSqm: 48, rent: 6900, status: 'ledig', readyDate: '2026-11-30', renovationNote: 'Nytt golv i badrummet' },
    { id: 'ekbacken-101', unitId: 'ekbacken', number: '101', rooms: 1, sizeSqm: 28, rent: 5100, status: 'ledig', readyDate: '2026-11-25' },
    { id: 'ekbacken-102', unitId: 'ekbacken', number: '102', rooms: 1, sizeSqm: 29, rent: 5150, status: 'uthyrd' },
  ],
};
