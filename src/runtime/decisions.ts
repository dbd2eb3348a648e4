// The decisions register: every favourable decision a case carries, with its status, and the events people record
// by hand (interrupted, resumed, delayed with a reason, closed). A step that does not fit the status is a conflict.
import type { Actor } from '../auth/index.js';
import { carriedDecision, eventFits, foldDecision, type CaseEventType, type Decision, type DecisionHeader, type DecisionLaw, type DecisionStatus } from '../decisions/index.js';
import type { DefinitionRegistry, InstanceIndex, InstanceSummary, InstanceTransitions } from '../engine/index.js';
import { AppError } from '../errors.js';
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
  /** The decision a case carries: fixed at its start, or read from its start values for a case stored before. */
  function headerOf(summary: InstanceSummary): DecisionHeader | null {
    return carriedDecision(summary, registry.get(summary.processKey, summary.version)?.model.properties ?? {});
  }

  function toDecision(summary: InstanceSummary, header: DecisionHeader): Decision {
    return { ...header, instanceId: summary.id, processKey: summary.processKey, ...foldDecision(summary.caseEvents), events: summary.caseEvents };
  }

  /** The case that carries the decision now: after a handover the one that took it over, not the one that gave it. */
  function carrierOf(id: string): { summary: InstanceSummary; header: DecisionHeader } {
    let giver: { summary: InstanceSummary; header: DecisionHeader } | null = null;
    for (const summary of index.all()) {
      const header = headerOf(summary);
      if (header?.id !== id) continue;
      if (!summary.caseEvents.some((e) => e.type === 'overlamnad')) return { summary, header };
      giver = { summary, header };
    }
    if (giver) return giver;
    throw new AppError('not_found', 'Beslutet finns inte.');
  }

  return {
    /** Every decision the cases carry, oldest decision first; one handed over to another case is listed there. */
    listDecisions(filter: DecisionFilter): Decision[] {
      const decisions: Decision[] = [];
      for (const summary of index.all()) {
        const header = headerOf(summary);
        if (!header || summary.caseEvents.some((e) => e.type === 'overlamnad')) continue;
        const decision = toDecision(summary, header);
        if ((filter.status && decision.status !== filter.status) || (filter.law && decision.law !== filter.law) || (filter.processKey && decision.processKey !== filter.processKey)) continue;
        decisions.push(decision);
      }
      return decisions.sort((a, b) => a.beslutsdatum.localeCompare(b.beslutsdatum) || a.id.localeCompare(b.id));
    },

    /** The decision a case carries, or null when it carries none; not_found when there is no such case. */
    decisionOfCase(instanceId: string): Decision | null {
      const summary = index.get(instanceId);
      if (!summary) throw new AppError('not_found', 'Ärendet finns inte.');
      const header = headerOf(summary);
      return header ? toDecision(summary, header) : null;
    },

    /** One decision by its id; not_found otherwise. */
    getDecision(id: string): Decision {
      const { summary, header } = carrierOf(id);
      return toDecision(summary, header);
    },

    /**
     * Records an event a person reports: bad_request for a day before the decision or after today, conflict when
     * the step does not fit where the decision stands (resumed without an interruption, say). Checked again under
     * the case's lock; the history names who recorded it.
     */
    async recordDecisionEvent(id: string, input: DecisionEventInput, actor: Actor): Promise<Decision> {
      const { summary, header } = carrierOf(id);
      if (input.date < header.beslutsdatum) throw new AppError('bad_request', `Datumet kan inte ligga före beslutsdatum ${header.beslutsdatum}.`);
      if (input.date > stockholmDay(clock.now())) throw new AppError('bad_request', 'Datumet kan inte ligga i framtiden.');
      const stored = await transitions.withoutEngine(summary.id, (current, nextSeq) => {
        const { status } = foldDecision(current.caseEvents);
        if (!eventFits(status, input.type)) throw new AppError('conflict', `Beslutet har status ${status}; ${eventWords[input.type]} kan inte registreras nu.`);
        const at = clock.now().toISOString();
        const event = { type: input.type, date: input.date, reason: input.reason ?? null, at, actor: actor.username };
        const entry = { seq: nextSeq, at, type: `case.${input.type}`, elementId: null, elementName: null, actor: actor.username, data: { decisionId: id, date: input.date, reason: input.reason ?? null } };
        return { summary: { ...current, caseEvents: [...current.caseEvents, event] }, entries: [entry] };
      }, { endedToo: true });
      return toDecision(stored, header);
    },
  };
}

export type DecisionService = ReturnType<typeof createDecisionService>;
