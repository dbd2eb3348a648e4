// What the case list shows: the filter form and the matching cases, newest first.
import type { InstanceState, RuntimeApi } from '../../runtime/index.js';

/** The states a case can be in, as a person reads them. */
export const stateLabels: Record<InstanceState, string> = { running: 'Pågår', completed: 'Avslutat', cancelled: 'Avbrutet', failed: 'Fel' };

/** At most this many rows are listed; the filter narrows it down. */
const maxRows = 200;

export interface CaseFilter {
  process?: string | undefined;
  state?: InstanceState | undefined;
  /** Part of the case number, in any case. */
  businessKey?: string | undefined;
}

export function caseListModel(runtime: RuntimeApi, filter: CaseFilter) {
  const processes = runtime.listProcesses();
  const names = new Map(processes.map((p) => [p.key, p.name]));
  const needle = filter.businessKey?.toLocaleLowerCase('sv');
  const cases = runtime
    .listInstances({ ...(filter.process ? { processKey: filter.process } : {}), ...(filter.state ? { state: filter.state } : {}) })
    .filter((c) => !needle || (c.businessKey ?? '').toLocaleLowerCase('sv').includes(needle));
  return {
    filter,
    filtered: Boolean(filter.process || filter.state || filter.businessKey),
    processOptions: processes.map((p) => ({ value: p.key, label: p.name, selected: p.key === filter.process })),
    stateOptions: Object.entries(stateLabels).map(([value, label]) => ({ value, label, selected: value === filter.state })),
    cases: cases.slice(0, maxRows).map((c) => ({ ...c, processName: names.get(c.processKey) ?? c.processKey, stateLabel: stateLabels[c.state] })),
    total: cases.length,
    countLabel: cases.length === 1 ? '1 ärende' : `${cases.length} ärenden`,
    truncated: cases.length > maxRows,
    maxRows,
  };
}
