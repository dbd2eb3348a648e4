// Cases for the report tests: an LSS case decided on a day, with its case events and, when given, its fixed header.
import type { CaseEvent, DecisionHeader } from '../../src/decisions/index.js';
import type { InstanceSummary } from '../../src/engine/records/index.js';
import type { ReportableCase } from '../../src/reports/ivo-report.js';

/** Case `id` of lss-boende decided on `beslutsdatum`; events default to an offer that day. */
export function reportCase(id: string, beslutsdatum: string, events: Partial<CaseEvent>[] = [], decision?: DecisionHeader): ReportableCase {
  const summary = {
    id,
    processKey: 'lss-boende',
    version: 1,
    businessKey: `KS-${id}`,
    state: 'running',
    startedAt: `${beslutsdatum}T08:00:00.000Z`,
    endedAt: null,
    rev: 1,
    variables: { beslutsdatum, kon: decision?.kon ?? 'kvinna', brukare: decision?.person ?? `Brukare ${id}` },
    ...(decision ? { decision } : {}),
    active: [],
    tasks: [],
    timers: [],
    bevakningar: [],
    caseEvents: events.map((e) => ({ type: 'erbjudande', date: beslutsdatum, reason: null, at: '2027-01-01T00:00:00Z', ...e })),
  } as InstanceSummary;
  return { summary, properties: decision ? {} : { insats: 'Bostad med särskild service för vuxna, 9 § 9 LSS', lag: 'LSS' } };
}
