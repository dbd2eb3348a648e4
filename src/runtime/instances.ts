// Process instances: start one, list and read them, read their history, deliver a message to one.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/index.js';
import { processRoles, waitingMessages, type DefinitionRegistry, type Incident, type HistoryEntry, type InstanceIndex, type InstanceRepository, type InstanceState, type InstanceSummary, type InstanceTransitions } from '../engine/index.js';
import { carriedDecision, decisionHeaderFor, foldDecision, handedOn, type CaseEvent, type DecisionHeader, type DecisionStatus } from '../decisions/index.js';
import { AppError, type FieldError } from '../errors.js';
import { checkValueLimits, fieldMessages, type FormChoices, type FormField, resolveForm, validateSubmission } from '../forms/index.js';
import type { Clock } from '../timers/index.js';
import { assertCanSendMessage, assertCanStart } from './access.js';
import { deliverOrConflict } from './deliver-message.js';

export type InstanceListItem = Pick<InstanceSummary, 'id' | 'processKey' | 'version' | 'businessKey' | 'state' | 'startedAt' | 'endedAt'> & {
  /** The decision's person (`brukare`, the reference in the case system), when the case carries one. */
  person: string | null;
  /** The decision the case carries: its day, status and the day it was executed. */
  decision: { beslutsdatum: string; status: DecisionStatus; verkstalltDatum: string | null } | null;
};

export interface InstanceView extends InstanceListItem {
  variables: Record<string, unknown>;
  active: { elementId: string; name: string }[];
  /** The open incidents: steps that failed and wait for a retry. */
  incidents: Incident[];
  /** What the case waits for besides its tasks: the messages it would take now, and its timers with their due dates. */
  waitingFor: WaitingFor[];
}

export type WaitingFor =
  | { type: 'message'; elementId: string; name: string; messageId: string; messageName: string }
  | { type: 'timer'; elementId: string; name: string; due: string };

export interface InstanceFilter {
  processKey?: string;
  state?: InstanceState;
  businessKey?: string;
  /** Part of the case number or of the person's name or reference, in any letter case. */
  q?: string;
}

export interface InstanceServiceDeps {
  registry: DefinitionRegistry;
  index: InstanceIndex;
  transitions: InstanceTransitions;
  instances: InstanceRepository;
  clock: Clock;
  /** What the start form's reference fields offer now, and today for its date limits. */
  choices: FormChoices;
}

export function createInstanceService({ registry, index, transitions, instances, clock, choices }: InstanceServiceDeps) {
  /** The decision a case with that case number handed on and nobody has taken over yet; validation_failed otherwise. */
  function handedOverDecision(businessKey: string): { header: DecisionHeader; events: CaseEvent[] } {
    const refuse = (message: string) => new AppError('validation_failed', undefined, [{ field: 'overlamnatFran', message }]);
    const giver = [...index.all()].find((s) => s.businessKey === businessKey && handedOn(s.caseEvents));
    const header = giver && carriedDecision(giver, registry.get(giver.processKey, giver.version)?.model.properties ?? {});
    if (!giver || !header) throw refuse('Inget ärende med det ärendenumret har lämnat över ett beslut.');
    if ([...index.all()].some((s) => s !== giver && s.decision?.id === header.id)) throw refuse('Beslutet har redan tagits över av ett annat ärende.');
    return { header, events: giver.caseEvents.filter((e) => e.type !== 'overlamnad') };
  }

  /** The messages the case would take now and its armed timers, soonest first; nothing once it has ended. */
  function waitingForOf(s: InstanceSummary): WaitingFor[] {
    const model = registry.get(s.processKey, s.version)?.model;
    if (!model || s.state !== 'running') return [];
    const nameOf = (elementId: string) => model.elements.get(elementId)?.name ?? elementId;
    const messages = waitingMessages(model, s.active).map(({ elementId, messageId }) => ({
      type: 'message' as const, elementId, name: nameOf(elementId), messageId, messageName: model.messages.get(messageId)?.name ?? messageId,
    }));
    const timers = [...s.timers].sort((a, b) => a.dueAt.localeCompare(b.dueAt)).map((t) => ({ type: 'timer' as const, elementId: t.elementId, name: nameOf(t.elementId), due: t.dueAt }));
    return [...messages, ...timers];
  }

  return {
    /** Starts the latest version of a process with its validated start form and runs it to its first wait. */
    async startInstance(key: string, input: { businessKey?: string; variables: Record<string, unknown> }, actor: Actor): Promise<{ id: string }> {
      const definition = registry.latest(key);
      if (!definition) throw new AppError('not_found', `Processen ${key} finns inte.`);
      assertCanStart(actor, definition.model.starterGroups);
      const result = validateSubmission(resolveForm(definition.model.startForm, choices), input.variables, 'json');
      if (!result.ok) throw new AppError('validation_failed', undefined, result.errors);
      const summary: InstanceSummary = {
        id: randomUUID(),
        processKey: key,
        version: definition.version.version,
        businessKey: input.businessKey ?? null,
        state: 'running',
        startedAt: clock.now().toISOString(),
        endedAt: null,
        rev: 0,
        variables: result.values,
        active: [],
        tasks: [],
        timers: [],
        bevakningar: [],
        caseEvents: [],
      };
      // The decision is fixed at the start, or the case carries none (a vacancy, a change of housing): later variables
      // never make one.
      const handover = typeof result.values.overlamnatFran === 'string' && result.values.overlamnatFran ? handedOverDecision(result.values.overlamnatFran) : null;
      summary.decision = handover?.header ?? decisionHeaderFor(randomUUID(), key, result.values, definition.model.properties);
      // A decision handed on moves with its id and what happened to it so far; the earlier case keeps the record of
      // the handover only.
      if (handover) summary.caseEvents = handover.events;
      await transitions.start(summary, actor.username);
      return { id: summary.id };
    },

    /** Newest first. */
    listInstances(filter: InstanceFilter): InstanceListItem[] {
      return [...index.all()]
        .filter((s) => (!filter.processKey || s.processKey === filter.processKey) && (!filter.state || s.state === filter.state) && (!filter.businessKey || s.businessKey === filter.businessKey))
        .filter(matchesSearch(filter.q))
        .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.id.localeCompare(b.id))
        .map(toInstanceListItem);
    },

    getInstance(id: string): InstanceView {
      const s = findSummary(index, id);
      return { ...toInstanceListItem(s), variables: s.variables, active: s.active, incidents: s.incidents ?? [], waitingFor: waitingForOf(s) };
    },

    async getHistory(id: string): Promise<HistoryEntry[]> {
      findSummary(index, id);
      return instances.history(id);
    },

    /**
     * Delivers a message by id or name with the variables its declaration allows; conflict when the instance does not
     * wait for it now. Nothing changes unless every variable passes: a message can never set a start-form field.
     */
    async deliverMessage(instanceId: string, messageName: string, variables: Record<string, unknown>, actor: Actor): Promise<void> {
      const tooLarge = checkValueLimits(variables, 'variables');
      if (tooLarge) throw new AppError('validation_failed', tooLarge.message, [tooLarge]);
      const summary = findSummary(index, instanceId);
      const model = registry.get(summary.processKey, summary.version)!.model;
      assertCanSendMessage(actor, processRoles(model));
      const message = model.messages.get(messageName) ?? [...model.messages.values()].find((m) => m.name === messageName);
      if (!message) throw new AppError('not_found', `Processen känner inte till meddelandet "${messageName}".`);
      const result = validateSubmission(resolveForm(message.variables, choices), variables, 'json');
      if (!result.ok) throw new AppError('validation_failed', undefined, namingDecisionFields(result.errors, model.startForm));
      await transitions.withEngine(instanceId, actor.username, async (session) => {
        await deliverOrConflict(session, message, result.values);
      });
    },
  };
}

export type InstanceService = ReturnType<typeof createInstanceService>;

/** The summary of one instance; not_found when there is none. */
function findSummary(index: InstanceIndex, id: string): InstanceSummary {
  const s = index.get(id);
  if (!s) throw new AppError('not_found', 'Ärendet finns inte.');
  return s;
}

/** A start-form field is unknown to every message; saying why helps the sender more than "unknown field". */
function namingDecisionFields(errors: FieldError[], startForm: readonly FormField[]): FieldError[] {
  const decision = new Set(startForm.map((f) => f.id));
  return errors.map((e) => (decision.has(e.field) && e.message === fieldMessages.unknown ? { ...e, message: fieldMessages.decision } : e));
}

export function toInstanceListItem(s: InstanceSummary): InstanceListItem {
  const decision = s.decision ? { beslutsdatum: s.decision.beslutsdatum, ...foldDecision(s.caseEvents) } : null;
  return { id: s.id, processKey: s.processKey, version: s.version, businessKey: s.businessKey, state: s.state, startedAt: s.startedAt, endedAt: s.endedAt, person: personOf(s), decision };
}

/** The person a case is about as people know them: the decision's, else the routine's `brukare` variable. */
function personOf(s: InstanceSummary): string | null {
  const person = s.decision?.person ?? s.variables.brukare;
  return typeof person === 'string' && person ? person : null;
}

/** A case matches a search when every word of it is part of its case number or its person, in any letter case. */
function matchesSearch(q: string | undefined): (s: InstanceSummary) => boolean {
  const words = (q ?? '').toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
  if (!words.length) return () => true;
  return (s) => {
    const text = `${s.businessKey ?? ''} ${personOf(s) ?? ''}`.toLocaleLowerCase('sv');
    return words.every((word) => text.includes(word));
  };
}
