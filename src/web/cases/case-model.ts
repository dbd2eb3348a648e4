// What the case page shows, computed from the runtime: the instance, its diagram markers, legal clock, variables, history.
import { accessLogReaders, hasRole, type Actor } from '../../auth/index.js';
import type { RuntimeApi } from '../../runtime/index.js';
import { caseDecisionModel, type DecisionFormState } from './case-decision-model.js';
import { caseIncidentsModel, type IncidentFormState } from './case-incident-model.js';
import { describeEntry, entryDetails } from './case-history-text.js';
import { answerRow, displayValue } from '../shared/display-value.js';
import { isPeoplesStep } from './case-history-view.js';
import { legalClock } from './case-legal-clock.js';

const stateNames: Record<string, string> = {
  running: 'Pågår',
  completed: 'Avslutat',
  cancelled: 'Avbrutet',
  failed: 'Stoppat av fel',
};

/** The case page's data for one instance; throws not_found (a 404 page) when there is no such instance. */
export async function caseModel(runtime: RuntimeApi, id: string, actor: Actor, decisionForm?: DecisionFormState, incidentForm?: IncidentFormState, allHistory = false) {
  const instance = runtime.getInstance(id);
  const history = await runtime.getHistory(id);
  const now = runtime.clockNow().now;
  const process = runtime.listProcesses().find((p) => p.key === instance.processKey);
  const active = instance.active.map((a) => a.elementId);
  // Elements the process has passed through; one that is active again (a loop) shows as the current position.
  const completed = [...new Set(history.filter((e) => e.type === 'activity.left' && e.elementId).map((e) => e.elementId!))].filter((e) => !active.includes(e));
  const decision = runtime.decisionOfCase(id);
  const tasks = runtime.listTasks({ instanceId: id }, actor).map((t) => ({ ...t, overdue: t.due !== null && t.due < now }));
  return {
    instance: { ...instance, stateName: stateNames[instance.state] ?? instance.state },
    processName: process?.name ?? instance.processKey,
    diagram: { url: `/cases/${encodeURIComponent(id)}/diagram.bpmn`, completed: completed.join(' '), active: active.join(' ') },
    clock: legalClock(instance.variables, history, instance.state, now, (start, today) => runtime.ivoReportingFor(start, today), decision),
    tasks,
    ...variablesOf(runtime, id),
    history: { all: allHistory, total: history.length, hidden: history.filter((e) => !isPeoplesStep(e)).length },
    timeline: history.filter((entry) => allHistory || isPeoplesStep(entry)).map((entry) => ({
      seq: entry.seq,
      at: entry.at,
      actor: entry.actor === 'system' ? 'Systemet' : entry.actor,
      text: describeEntry(entry),
      details: entryDetails(entry),
    })),
    decision: caseDecisionModel(decision, actor, decisionForm, runtime.closingEndsCase(id)),
    incidents: caseIncidentsModel(runtime, id, actor, incidentForm),
    canReadAccessLog: hasRole(actor, accessLogReaders),
    culled: runtime.culledMark(id),
    calls: callLinks(runtime, id),
  };
}

/** The case that started this one and those it started (call activities), with their status in words. */
function callLinks(runtime: RuntimeApi, id: string) {
  const { calledBy, children } = runtime.caseCalls(id);
  return { calledBy, children: children.map((c) => ({ ...c, stateName: stateNames[c.state] ?? c.state })) };
}

/** The answers under their form labels, and the variables the routine's steps set, by name. */
function variablesOf(runtime: RuntimeApi, id: string) {
  const { answers, other } = runtime.caseAnswers(id);
  return { answers: answers.map(answerRow), otherVariables: other.map(({ id: name, value }) => ({ name, value: displayValue(value) })) };
}
