// The decision on the case page: its status and events in Swedish, and the form to record an event by hand.
import { decisionEventRecorders, hasRole, type Actor } from '../../auth/index.js';
import type { CaseEventType } from '../../decisions/index.js';
import type { FieldError } from '../../errors.js';
import { manualDecisionEvents, type Decision, type ManualDecisionEvent } from '../../runtime/index.js';

export const decisionStatusNames: Record<Decision['status'], string> = {
  'ej-verkstallt': 'Ej verkställt',
  verkstallt: 'Verkställt',
  avbrott: 'Avbrott i verkställigheten',
  avslutat: 'Avslutat',
};

/** Every event a decision can hold, as a noun for its table (the timeline says them as sentences). */
const eventNames: Record<CaseEventType, string> = {
  erbjudande: 'Erbjudande',
  avbojt: 'Tackat nej',
  verkstallt: 'Verkställt',
  avbrott: 'Avbrott',
  aterupptagen: 'Verkställigheten återupptagen',
  drojsmal: 'Skäl till dröjsmål',
  avslutat: 'Avslutat',
  overlamnad: 'Överlämnat till annat ärende',
};

/** The choices of the form, in the order a handläggare meets them. */
const formChoices: { value: ManualDecisionEvent; label: string }[] = manualDecisionEvents.map((value) => ({ value, label: eventNames[value] }));

/** What was posted and what was wrong with it, to show the form again. */
export interface DecisionFormState {
  values: Record<string, string>;
  errors: FieldError[];
}

/** `closesCase`: the case runs and its routine ends when the decision is closed (it has a closing message). */
export function caseDecisionModel(decision: Decision | null, actor: Actor, form?: DecisionFormState, closesCase = false) {
  if (!decision) return null;
  const errorOf = (field: string) => form?.errors.find((e) => e.field === field)?.message ?? null;
  return {
    ...decision,
    statusName: decisionStatusNames[decision.status],
    events: decision.events.map((e) => ({ ...e, name: eventNames[e.type], recordedBy: e.actor ?? 'Rutinen' })),
    form: hasRole(actor, decisionEventRecorders)
      ? {
          action: `/cases/${encodeURIComponent(decision.instanceId)}/decision-events`,
          closesCase,
          choices: formChoices.map((c) => ({ ...c, selected: form?.values.type === c.value })),
          date: form?.values.date ?? '',
          reason: form?.values.reason ?? '',
          errors: { type: errorOf('type'), date: errorOf('date'), reason: errorOf('reason'), general: errorOf('') },
        }
      : null,
  };
}
