// The decisions register: every favourable decision a case carries, with its status, and the events people record
// by hand (interrupted, resumed, delayed with a reason, closed). A step that does not fit the status is a conflict.
import type { Actor } from '../auth/index.js';
import { carriedDecisions, decisionsAcrossCases, eventFits, foldDecision, giversByDecision, handedOn, readAcrossCases, type CarriedDecision, type CaseEvent, type CaseEventType, type Decision, type DecisionLaw, type DecisionStatus } from '../decisions/index.js';
import { waitsForMessage, type DefinitionRegistry, type InstanceIndex, type InstanceSummary, type InstanceTransitions } from '../engine/index.js';
import { AppError } from '../errors.js';
import { validateSubmission } from '../forms/index.js';
import { deliverOrConflict } from './deliver-message.js';
import { stockholmDay, type Clock } from '../timers/index.js';

/** The events a person records on a decision; the routines record the rest (offer, decline, executed). */
export const manualDecisionEvents = ['avbrott', 'aterupptagen', 'drojsmal', 'avslutat'] as const satisfies readonly CaseEventType[];
export type ManualDecisionEvent = (typeof manualDecisionEvents)[number];

export interface DecisionFilter {
  status?: DecisionStatus;
  law?: DecisionLaw;
  processKey?: string;
}

export interface DecisionEventInput {
  type: ManualDecisionEvent;
  date: string;
  reason?: string | undefined;
}

export interface DecisionServiceDeps {
  registry: DefinitionRegistry;
  index: InstanceIndex;
  transitions: InstanceTransitions;
  clock: Clock;
}

const eventWords: Record<ManualDecisionEvent, string> = {
  avbrott: 'avbrott',
  aterupptagen: 'återupptagen verkställighet',
  drojsmal: 'skäl till dröjsmål',
  avslutat: 'avslut',
};

export function createDecisionService({ registry, index, transitions, clock }: DecisionServiceDeps) {
  /** Every decision a case carries, earliest first: fixed at its start or by a new order (the last is the current one). */
  function decisionsOf(summary: InstanceSummary): CarriedDecision[] {
    return carriedDecisions(summary, registry.get(summary.processKey, summary.version)?.model.properties ?? {});
  }

  /** The decision with its events read across cases: what a case that handed it on recorded afterwards is part of it. */
  function readAcross(carried: CarriedDecision): CarriedDecision {
    const gave = (s: InstanceSummary) => handedOn(s.caseEvents) || (s.earlierDecisions ?? []).some((d) => handedOn(d.caseEvents));
    return readAcrossCases(carried, giversByDecision([...index.all()].filter(gave).flatMap(decisionsOf)));
  }

  /** The decision as the register shows it, from a case's decision whose events were read across cases already. */
  function toDecision(summary: InstanceSummary, { header, events }: CarriedDecision): Decision {
    return { ...header, instanceId: summary.id, processKey: summary.processKey, ...foldDecision(events), events };
  }

  /** The case that carries the decision now: after a handover the one that took it over, not the one that gave it. */
  function carrierOf(id: string): { summary: InstanceSummary; carried: CarriedDecision } {
    let giver: { summary: InstanceSummary; carried: CarriedDecision } | null = null;
    for (const summary of index.all()) {
      const carried = decisionsOf(summary).find((d) => d.header.id === id);
      if (!carried) continue;
      if (!handedOn(carried.events)) return { summary, carried };
      giver = { summary, carried };
    }
    if (giver) return giver;
    throw new AppError('not_found', 'Beslutet finns inte.');
  }

  /** The case with `event` added to the decision `id`: the current one's events, or the earlier decision's. */
  function withEvent(summary: InstanceSummary, id: string, event: CaseEvent): { summary: InstanceSummary; carried: CarriedDecision } {
    const carried = decisionsOf(summary).find((d) => d.header.id === id);
    if (!carried) throw new AppError('not_found', 'Beslutet finns inte.');
    // The status counts what the giver recorded after a hand-over; the event itself is the carrier's own.
    const { status } = foldDecision(readAcross(carried).events);
    if (!eventFits(status, event.type)) throw new AppError('conflict', `Beslutet har status ${status}; ${eventWords[event.type as ManualDecisionEvent]} kan inte registreras nu.`);
    const next = { ...carried, events: [...carried.events, event] };
    if (carried.current) return { summary: { ...summary, caseEvents: next.events }, carried: next };
    const earlierDecisions = (summary.earlierDecisions ?? []).map((d) => (d.decision.id === id ? { ...d, caseEvents: next.events } : d));
    return { summary: { ...summary, earlierDecisions }, carried: next };
  }

  /**
   * Closing the decision a running case works on closes the case: its routine gets its closing message (the process
   * property `avslutsmeddelande`) with the day and reason, ends the queue entry, releases what it holds and records
   * `avslutat` itself. False when the routine has no such message or does not wait for it now; the event is then
   * recorded by hand.
   */
  async function closedByItsRoutine(summary: InstanceSummary, carried: CarriedDecision, input: DecisionEventInput, actor: Actor): Promise<boolean> {
    const message = carried.current ? closingMessageWaited(summary) : null;
    if (!message) return false;
    const { status } = foldDecision(readAcross(carried).events);
    if (!eventFits(status, 'avslutat')) throw new AppError('conflict', `Beslutet har status ${status}; ${eventWords.avslutat} kan inte registreras nu.`);
    const declared = new Set(message.variables.map((f) => f.id));
    const variables: Record<string, unknown> = {};
    if (declared.has('avslutsdatum')) variables.avslutsdatum = input.date;
    if (declared.has('avslutsorsak') && input.reason) variables.avslutsorsak = input.reason;
    const result = validateSubmission(message.variables, variables, 'json');
    if (!result.ok) throw new AppError('validation_failed', undefined, result.errors.map((e) => ({ ...e, field: e.field === 'avslutsorsak' ? 'reason' : e.field === 'avslutsdatum' ? 'date' : e.field })));
    await transitions.withEngine(summary.id, actor.username, (session) => deliverOrConflict(session, message, result.values));
    return true;
  }

  /** The routine's closing message (process property `avslutsmeddelande`) when the running case waits for it now. */
  function closingMessageWaited(summary: InstanceSummary) {
    const model = registry.get(summary.processKey, summary.version)?.model;
    const messageId = model?.properties.avslutsmeddelande;
    const message = messageId ? model.messages.get(messageId) : undefined;
    return model && message && summary.state === 'running' && waitsForMessage(model, summary.active, message.id) ? message : null;
  }

  function getDecisionAfter(instanceId: string, id: string): Decision {
    const summary = index.get(instanceId);
    const carried = summary && decisionsOf(summary).find((d) => d.header.id === id);
    if (!summary || !carried) throw new AppError('not_found', 'Beslutet finns inte.');
    return toDecision(summary, readAcross(carried));
  }

  return {
    /** Every decision the cases carry, oldest decision first; one handed over to another case is listed there. */
    listDecisions(filter: DecisionFilter): Decision[] {
      const decisions: Decision[] = [];
      for (const { of: summary, decisions: read } of decisionsAcrossCases(index.all(), decisionsOf)) {
        for (const carried of read) {
          if (handedOn(carried.events)) continue;
          const decision = toDecision(summary, carried);
          if ((filter.status && decision.status !== filter.status) || (filter.law && decision.law !== filter.law) || (filter.processKey && decision.processKey !== filter.processKey)) continue;
          decisions.push(decision);
        }
      }
      return decisions.sort((a, b) => a.beslutsdatum.localeCompare(b.beslutsdatum) || a.id.localeCompare(b.id));
    },

    /** The decision the case works on now, or null when it carries none; not_found when there is no such case. */
    decisionOfCase(instanceId: string): Decision | null {
      const summary = index.get(instanceId);
      if (!summary) throw new AppError('not_found', 'Ärendet finns inte.');
      const current = decisionsOf(summary).find((d) => d.current);
      return current ? toDecision(summary, readAcross(current)) : null;
    },

    /** Whether closing the case's current decision now also ends the case (its routine waits for its closing message). */
    closingEndsCase(instanceId: string): boolean {
      const summary = index.get(instanceId);
      return summary ? closingMessageWaited(summary) !== null : false;
    },

    /** One decision by its id; not_found otherwise. */
    getDecision(id: string): Decision {
      const { summary, carried } = carrierOf(id);
      return toDecision(summary, readAcross(carried));
    },

    /**
     * Records an event a person reports: bad_request for a day before the decision or after today, conflict when
     * the step does not fit where the decision stands (resumed without an interruption, say). Checked again under
     * the case's lock; the history names who recorded it.
     */
    async recordDecisionEvent(id: string, input: DecisionEventInput, actor: Actor): Promise<Decision> {
      const { summary, carried } = carrierOf(id);
      const { beslutsdatum } = carried.header;
      if (input.date < beslutsdatum) throw new AppError('bad_request', `Datumet kan inte ligga före beslutsdatum ${beslutsdatum}.`);
      if (input.date > stockholmDay(clock.now())) throw new AppError('bad_request', 'Datumet kan inte ligga i framtiden.');
      if (input.type === 'avslutat' && (await closedByItsRoutine(summary, carried, input, actor))) return getDecisionAfter(summary.id, id);
      let recorded: CarriedDecision = carried;
      const stored = await transitions.withoutEngine(summary.id, (current, nextSeq) => {
        const at = clock.now().toISOString();
        const event = { type: input.type, date: input.date, reason: input.reason ?? null, at, actor: actor.username };
        const entry = { seq: nextSeq, at, type: `case.${input.type}`, elementId: null, elementName: null, actor: actor.username, data: { decisionId: id, date: input.date, reason: input.reason ?? null } };
        const changed = withEvent(current, id, event);
        recorded = changed.carried;
        return { summary: changed.summary, entries: [entry] };
      }, { endedToo: true });
      return toDecision(stored, readAcross(recorded));
    },
  };
}

export type DecisionService = ReturnType<typeof createDecisionService>;
