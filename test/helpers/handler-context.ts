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
  messages: { to: string; message: string; variables: Record<string, unknown> }[];
  /** The beslutsdatum of each new decision started. */
  newDecisions: string[];
  logged: Record<string, unknown>[];
}

/** `waitingCases`: the instance ids that wait for any message sent to them. */
export function handlerHarness(options: { variables?: Record<string, unknown>; now?: string; housing?: HousingSeed; waitingCases?: string[] } = {}): HandlerHarness {
  const state = emptyHousingState();
  for (const event of seedEvents(options.housing ?? { units: [], apartments: [] })) applyHousingEvent(state, event);
  const harness: HandlerHarness = { sent: [], caseEvents: [], housingEvents: [], messages: [], newDecisions: [], logged: [], context: undefined as never };
  const log = (obj: Record<string, unknown>) => void harness.logged.push(obj);
  harness.context = {
    instance: { id: 'i-1', processKey: 'testprocess', version: 1, businessKey: null },
    elementId: 'steg',
    variables: options.variables ?? {},
    clock: new ManualClock(new Date(options.now ?? '2027-04-15T08:00:00Z')),
    logger: { info: log, warn: log, error: log },
    inbox: { send: (message) => void harness.sent.push(message) },
    caseEvents: {
      record: (type, data) => void harness.caseEvents.push({ type, date: data.date, reason: data.reason ?? null }),
      newDecision: (data) => void harness.newDecisions.push(data.beslutsdatum),
    },
    caseMessages: {
      refusal: (to) => (options.waitingCases ?? []).includes(to) ? null : 'Det mottagande ärendet väntar inte på meddelandet.',
      send: (to, message, variables) => void harness.messages.push({ to, message, variables }),
    },
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
