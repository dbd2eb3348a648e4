// What the case list shows: the filter form and the matching cases, newest first, each with its person, decision
// date and how long the decision has waited.
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { parseISO } from 'date-fns/parseISO';
import type { Actor } from '../../auth/index.js';
import type { InstanceListItem, InstanceState, RuntimeApi } from '../../runtime/index.js';

/** The states a case can be in, as a person reads them. */
export const stateLabels: Record<InstanceState, string> = { running: 'Pågår', completed: 'Avslutat', cancelled: 'Avbrutet', failed: 'Fel' };

/** At most this many rows are listed; the filter narrows it down. */
const maxRows = 200;

export interface CaseFilter {
  process?: string | undefined;
  state?: InstanceState | undefined;
  /** Words of the case number or of the person's name or reference, in any letter case. */
  q?: string | undefined;
}

export function caseListModel(runtime: RuntimeApi, filter: CaseFilter, actor: Actor) {
  const processes = runtime.listProcesses();
  const names = new Map(processes.map((p) => [p.key, p.name]));
  const today = runtime.clockNow().now.slice(0, 10);
  const cases = runtime.listInstances({
    ...(filter.process ? { processKey: filter.process } : {}),
    ...(filter.state ? { state: filter.state } : {}),
    ...(filter.q ? { q: filter.q } : {}),
  }).filter((c) => runtime.mayReadCase(c.id, actor)); // a case the reader has no part in is not listed at all
  return {
    filter,
    filtered: Boolean(filter.process || filter.state || filter.q),
    processOptions: processes.map((p) => ({ value: p.key, label: p.name, selected: p.key === filter.process })),
    stateOptions: Object.entries(stateLabels).map(([value, label]) => ({ value, label, selected: value === filter.state })),
    cases: cases.slice(0, maxRows).map((c) => ({ ...c, processName: names.get(c.processKey) ?? c.processKey, stateLabel: stateLabels[c.state], waiting: waitingText(c, today) })),
    total: cases.length,
    countLabel: cases.length === 1 ? '1 ärende' : `${cases.length} ärenden`,
    truncated: cases.length > maxRows,
    maxRows,
  };
}

/**
 * How long the decision has waited, as the IVO report counts it: from beslutsdatum to today while not executed, to the
 * day it was executed once it was; nothing for a case without a decision or one closed without being executed.
 */
function waitingText(c: InstanceListItem, today: string): string | null {
  const d = c.decision;
  if (!d) return null;
  const days = (to: string) => differenceInCalendarDays(parseISO(to), parseISO(d.beslutsdatum));
  if (d.status === 'verkstallt' && d.verkstalltDatum) return `Verkställt efter ${days(d.verkstalltDatum)} dagar`;
  if (d.status === 'ej-verkstallt') return `${days(today)} dagar`;
  if (d.status === 'avbrott') return `Avbrott (${days(today)} dagar sedan beslut)`;
  return 'Avslutat';
}
