// The child cases of call activities: started once the caller's step is stored, their end reported back to the caller,
// ended when the caller leaves the step. Every step is redone from the stored records after a crash, never twice.
import { childDecision } from './call-decision.js';
import { createDecisionTakeOver } from './call-handover.js';
import { processNames } from './process-names.js';
import { createRetries } from './retry-later.js';
import { mappedVariables, type CallRecord, type DefinitionRegistry, type HistoryEntry, type InstanceIndex, type InstanceRepository, type InstanceSummary, type InstanceTransitions } from '../engine/index.js';
import { type FormChoices, resolveForm, validateSubmission } from '../forms/index.js';
import type { HandlerLogger } from '../handlers/index.js';
import type { Clock } from '../timers/index.js';

export interface CallRelayDeps {
  index: InstanceIndex;
  transitions: InstanceTransitions;
  registry: DefinitionRegistry;
  /** The histories, to see whether a child ended at an error end event. */
  instances: InstanceRepository;
  clock: Clock;
  logger: HandlerLogger;
  /** What the child's start form's reference fields may name now. */
  choices: FormChoices;
}

export function createCallRelay({ index, transitions, registry, instances, clock, logger, choices }: CallRelayDeps) {
  // A transition stored inside another one's work (a child that ends at once) asks again; each piece of work runs once.
  const inFlight = new Set<string>();
  const takeOver = createDecisionTakeOver({ index, transitions, clock });
  const retries = createRetries((id) => {
    const summary = index.get(id);
    return summary ? settle(summary) : Promise.resolve();
  });
  const { modelOf, stepName } = processNames(registry);

  async function once(key: string, work: () => Promise<void>): Promise<void> {
    if (inFlight.has(key)) return;
    inFlight.add(key);
    try {
      await work();
    } finally {
      inFlight.delete(key);
    }
  }

  /** The caller waits at an incident instead of the child it could not start. */
  async function refuse(caller: InstanceSummary, record: CallRecord, message: string): Promise<void> {
    logger.warn({ instanceId: caller.id, elementId: record.elementId, processKey: record.processKey }, 'child case not started');
    await transitions.withEngine(caller.id, 'system', async (session) => {
      await session.childEnded(record.childId, { failed: message });
    });
  }

  async function startChild(callerId: string, record: CallRecord): Promise<void> {
    const caller = index.get(callerId);
    if (!caller) return;
    if (!index.get(record.childId)) {
      const definition = registry.latest(record.processKey);
      const call = modelOf(caller)?.callActivities.get(record.elementId);
      if (!definition || !call) return refuse(caller, record, `Rutinen ${record.processKey} finns inte. Publicera den och välj Försök igen.`);
      const variables = mappedVariables(caller.variables, call.inputs);
      // The child's start form is filled in by the caller's variables: what it requires must be there and valid.
      const fields = definition.model.startForm;
      const given = Object.fromEntries(fields.filter((f) => variables[f.id] !== undefined && variables[f.id] !== null).map((f) => [f.id, variables[f.id]]));
      const result = validateSubmission(resolveForm(fields, choices), given, 'json');
      if (!result.ok) {
        const label = (id: string) => fields.find((f) => f.id === id)?.label ?? id;
        const detail = result.errors.map((e) => `${label(e.field)}: ${e.message}`).join(' ');
        return refuse(caller, record, `Ärendet ${definition.model.name} kunde inte startas: ${detail} Ange värdena och välj Försök igen.`);
      }
      const child: InstanceSummary = {
        id: record.childId,
        processKey: record.processKey,
        version: definition.version.version,
        businessKey: caller.businessKey,
        state: 'running',
        startedAt: clock.now().toISOString(),
        endedAt: null,
        rev: 0,
        variables: { ...variables, ...result.values },
        active: [],
        tasks: [],
        timers: [],
        bevakningar: [],
        caseEvents: [],
        calledBy: { instanceId: caller.id, elementId: record.elementId, executionId: record.executionId },
      };
      Object.assign(child, childDecision(caller, child, definition.model.properties, index.all(), modelOf(caller)?.properties ?? {}));
      try {
        await transitions.start(child, 'system');
      } catch (err) {
        // A child that stops before its first wait is not made (a stored one went on): the caller waits at an incident.
        const message = err instanceof Error ? err.message : String(err);
        if (!index.get(record.childId)) return refuse(caller, record, `Ärendet ${definition.model.name} kunde inte startas: ${message}. Välj Försök igen när rutinen är rättad.`);
      }
      await takeOver(caller, record.childId, modelOf(caller)?.properties ?? {});
      // The caller left the step while the child was being made: it is ended at once, not left running alone.
      const now = index.get(callerId)?.calls?.find((r) => r.childId === record.childId);
      if (!now || now.state === 'ending') return endChild(callerId, record);
    } else {
      await takeOver(caller, record.childId, modelOf(caller)?.properties ?? {});
    }
    await changeCalls(callerId, (calls) => calls.map((r) => (r.childId === record.childId && r.state === 'starting' ? { ...r, state: 'running' as const } : r)));
  }

  /** The caller no longer waits (a boundary event fired, it ended): the child is ended and the history says why. */
  async function endChild(callerId: string, record: CallRecord): Promise<void> {
    const caller = index.get(callerId);
    const child = index.get(record.childId);
    const reason = `Det anropande ärendet lämnade steget "${caller ? stepName(caller, record.elementId) : record.elementId}" innan det här ärendet var klart.`;
    if (child?.state === 'running') {
      const stored = await transitions.withoutEngine(child.id, (s, nextSeq) => ({ summary: cancelled(s, clock.now().toISOString()), entries: [entry(nextSeq, 'instance.cancelled', null, null, { reason, by: callerId })] }));
      await settle(stored);
    }
    // Only a call still waiting ends early: a child that completed while it was being made was reported already.
    const waited = (s: InstanceSummary) => s.calls?.some((r) => r.childId === record.childId) === true;
    await changeCalls(callerId, (calls) => calls.filter((r) => r.childId !== record.childId), (nextSeq, s) => (waited(s) ? [entry(nextSeq, 'call.cancelled', record.elementId, stepName(s, record.elementId), { childId: record.childId, reason })] : []));
  }

  /** The child ended: the caller goes on past the call activity, or waits at an incident when it did not finish. */
  async function reportEnd(child: InstanceSummary): Promise<void> {
    const by = child.calledBy!;
    const caller = index.get(by.instanceId);
    const record = caller?.calls?.find((r) => r.childId === child.id);
    if (!caller || caller.state !== 'running' || !record || (record.state !== 'running' && record.state !== 'starting')) return;
    const thrown = child.state === 'completed' ? await errorEndOf(child) : null;
    await transitions.withEngine(caller.id, 'system', async (session, base) => {
      const model = modelOf(base);
      if (thrown) {
        await session.childEnded(child.id, { error: thrown });
      } else if (child.state === 'completed') {
        // Without camunda:out the caller gets every variable the child ends with, but its own start-form fields stay.
        const keep = new Set(model?.startForm.map((f) => f.id) ?? []);
        await session.childEnded(child.id, { variables: mappedVariables(child.variables, model?.callActivities.get(record.elementId)?.outputs ?? null, keep) });
      } else {
        const how = child.state === 'failed' ? 'stoppades av ett fel' : 'avbröts';
        await session.childEnded(child.id, { failed: `Det anropade ärendet (${modelOf(child)?.name ?? child.processKey}) ${how} innan det var klart. Försök igen startar ett nytt ärende.` });
      }
    });
  }

  /** The error a child ended with: its last step an error end event (`errorCode`), or null. */
  async function errorEndOf(child: InstanceSummary): Promise<{ code: string; message: string } | null> {
    const model = modelOf(child);
    const last = (await instances.history(child.id)).filter((e) => e.type === 'activity.left' && model?.elements.get(e.elementId ?? '')?.type === 'bpmn:EndEvent').at(-1);
    const end = last?.elementId ? model?.elements.get(last.elementId) : undefined;
    return end?.errorCode ? { code: end.errorCode, message: `Det anropade ärendet (${model!.name}) slutade vid "${end.name}"` } : null;
  }

  async function changeCalls(id: string, change: (calls: CallRecord[]) => CallRecord[], entries: (nextSeq: number, s: InstanceSummary) => HistoryEntry[] = () => []): Promise<void> {
    const current = index.get(id);
    if (!current?.calls?.length) return;
    const stored = await transitions.withoutEngine(id, (s, nextSeq) => {
      const calls = change(s.calls ?? []);
      const summary: InstanceSummary = { ...s, calls };
      if (!calls.length) delete summary.calls;
      return { summary, entries: entries(nextSeq, s) };
    }, { endedToo: true });
    await settle(stored);
  }

  function entry(seq: number, type: string, elementId: string | null, elementName: string | null, data: Record<string, unknown>): HistoryEntry {
    return { seq, at: clock.now().toISOString(), type, elementId, elementName, actor: 'system', data };
  }

  /** Does what the stored case's calls ask for now: start, end, or report a child's end. */
  async function settle(summary: InstanceSummary): Promise<void> {
    // The step that asked for this is stored already: a failure here (the store, say) never turns the request that got
    // here into an error; it is logged and done again soon (and at the next start), so a caller does not wait for ever.
    let failed = false;
    const guarded = (key: string, work: () => Promise<void>) =>
      once(key, work).catch((err: Error) => {
        failed = true;
        logger.error({ instanceId: summary.id, step: key.slice(0, key.indexOf(':')), err: err.name }, 'call activity step failed; done again soon');
        retries.later(summary.id);
      });
    for (const record of summary.calls ?? []) {
      if (record.state === 'starting') await guarded(`start:${record.childId}`, () => startChild(summary.id, record));
      if (record.state === 'ending') await guarded(`end:${record.childId}`, () => endChild(summary.id, record));
      // A report a crash cut short: the child ended, its caller still waits for it.
      const child = record.state === 'running' ? index.get(record.childId) : undefined;
      if (child && child.state !== 'running') await guarded(`report:${child.id}`, () => reportEnd(child));
    }
    if (summary.calledBy && summary.state !== 'running') await guarded(`report:${summary.id}`, () => reportEnd(summary));
    if (!failed) retries.succeeded(summary.id);
  }

  return {
    settle,

    /** Stops the retries waiting (the runtime closes). */
    close: () => retries.stop(),

    /** At start: the calls a crash left half done. */
    async settleLeftOver(): Promise<void> {
      for (const summary of [...index.all()].filter((s) => s.calls?.length)) await settle(index.get(summary.id)!);
    },

  };
}

/** A child ended from outside: nothing waits in it any more, its tasks and timers go with it. */
function cancelled(s: InstanceSummary, now: string): InstanceSummary {
  const summary: InstanceSummary = { ...s, state: 'cancelled', endedAt: now, active: [], tasks: [], timers: [] };
  delete summary.incidents;
  // Its own children are ended in turn.
  if (summary.calls) summary.calls = summary.calls.map((r) => (r.state === 'failed' ? r : { ...r, state: 'ending' as const }));
  return summary;
}
