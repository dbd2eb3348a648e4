// The runtime's register, report and statistics reads: the housing register and its seed, the IVO report, waiting times.
import { AppError } from '../errors.js';
import { HousingSeedError, seedEvents, type HousingSeed } from '../housing/housing-seed.js';
import { toHousingView, type HousingView } from '../housing/housing-view.js';
import { buildIvoReport, type IvoReport } from '../reports/ivo-report.js';
import { parseQuarter } from '../reports/quarter.js';
import type { WaitingTime } from './runtime-api.js';
import type { RuntimeParts } from './runtime-parts.js';

export function housingRegister(parts: RuntimeParts): HousingView {
  return toHousingView(parts.housing.state);
}

/** Adds units and apartments; a seed that clashes with the register becomes the AppError its kind names. */
export async function seedHousing(parts: RuntimeParts, seed: HousingSeed): Promise<void> {
  const { units, apartments } = parts.housing.state;
  let events;
  try {
    events = seedEvents(seed, { unitIds: new Set(units.keys()), apartmentIds: new Set(apartments.keys()) });
  } catch (err) {
    if (err instanceof HousingSeedError) throw new AppError(err.kind, err.message);
    throw err;
  }
  await parts.housing.setUp(events, () => parts.clock.now());
}

export function ivoReport(parts: RuntimeParts, quarter: string): IvoReport {
  const period = parseQuarter(quarter, parts.ivoConfig);
  if (!period) throw new AppError('bad_request', 'Ange kvartalet som ÅÅÅÅQn, till exempel 2027Q1.');
  const cases = [...parts.index.all()].map((summary) => ({
    summary,
    properties: parts.registry.get(summary.processKey, summary.version)?.model.properties ?? {},
  }));
  return buildIvoReport(cases, period, parts.ivoConfig);
}

/** Oldest decision first. */
export function waitingTimes(parts: RuntimeParts): WaitingTime[] {
  const times: WaitingTime[] = [];
  for (const summary of parts.index.all()) {
    const properties = parts.registry.get(summary.processKey, summary.version)?.model.properties ?? {};
    const text = (name: string) => (typeof summary.variables[name] === 'string' && summary.variables[name] ? (summary.variables[name] as string) : undefined);
    const lag = text('lag') ?? properties.lag;
    const beslutsdatum = text('beslutsdatum');
    // The same cases as the IVO report: a change of housing is no new decision, a handed-over case is counted by its successor.
    if ((lag !== 'LSS' && lag !== 'SoL') || !beslutsdatum || text('ursprung') === 'byteAvBoende') continue;
    if (summary.caseEvents.some((e) => e.type === 'overlamnad')) continue;
    const first = (type: string) => summary.caseEvents.filter((e) => e.type === type).map((e) => e.date).sort()[0] ?? null;
    const insats = text('insats') ?? properties.insats ?? summary.processKey;
    times.push({ processKey: summary.processKey, insats, lag, beslutsdatum, verkstalltDatum: first('verkstallt'), avslutatDatum: first('avslutat') });
  }
  return times.sort((a, b) => a.beslutsdatum.localeCompare(b.beslutsdatum) || a.insats.localeCompare(b.insats, 'sv'));
}
