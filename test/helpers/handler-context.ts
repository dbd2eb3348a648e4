// A handler context with real in-memory ports, for unit tests of handlers: what they send, record and change.
import type { HandlerContext } from '../../src/handlers/handler.js';
import { applyHousingEvent, type HousingEvent } from '../../src/housing/housing-events.js';
import { emptyHousingState } from '../../src/housing/housing-model.js';
import { seedEvents, type HousingSeed } from '../../src/housing/housing-seed.js';
import type { CaseEventType } from '../../src/decisions/index.js';
import { ManualClock } from '../../src/timers/clock.js';

export interface HandlerHarness {
  context: HandlerContext;
  sent: { group: string; subject: string; body: string }[];
  caseEvents: { type: CaseEventType; date: string; reason: string | null }[];
  housingEvents: HousingEvent[];
  logged: Record<string, unknown>[];
}

export function handlerHarness(options: { variables?: Record<string, unknown>; now?: string; housing?: HousingSeed } = {}): HandlerHarness {
  const state = emptyHousingState();
  for (const event of seedEvents(options.housing ?? { units: [], apartments: [] })) applyHousingEvent(state, event);
  const harness: HandlerHarness = { sent: [], caseEvents: [], housingEvents: [], logged: [], context: undefined as never };
  const log = (obj: Record<string, unknown>) => void harness.logged.push(obj);
  harness.context = {
    instance: { id: 'i-1', processKey: 'testprocess', version: 1, businessKey: null },
    elementId: 'steg',
    variables: options.variables ?? {},
    clock: new ManualClock(new Date(options.now ?? '2027-04-15T08:00:00Z')),
    logger: { info: log, warn: log, error: log },
    inbox: { send: (message) => void harness.sent.push(message) },
    caseEvents: { record: (type, data) => void harness.caseEvents.push({ type, date: data.date, reason: data.reason ?? null }) },
    housing: {
      state,
      emit: (event) => {
        harness.housingEvents.push(event);
        applyHousingEvent(state, event);
      },
    },
  };
  return harness;
}
