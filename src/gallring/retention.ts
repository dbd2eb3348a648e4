// Which ended cases have been kept as long as their rule says: the 5 years count from the last entry in the person's
// whole akt, so every case of one person is culled together, and none while that person has a case still open.
import type { InstanceSummary } from '../engine/index.js';
import { addCalendar, stockholmDay } from '../timers/index.js';
import { ruleFor, type GallringConfig } from './gallring-config.js';

/** What the rule needs of one case besides its summary. */
export interface RetentionCase {
  summary: InstanceSummary;
  law: 'LSS' | 'SoL' | null;
  /** Day of the month the person was born (from a personnummer in the case), or null when the case holds none. */
  birthDay: number | null;
}

export interface DueCase {
  instanceId: string;
  processKey: string;
  endedAt: string;
  rule: string;
  /** The day of the last entry in the person's akt (YYYY-MM-DD). */
  lastEntry: string;
  /** The culling must be done by then: the end of the calendar year after the duty began. */
  dueBy: string;
}

const ended = (s: InstanceSummary) => s.state === 'completed' || s.state === 'cancelled';

/** The cases whose retention has run out on `today` (YYYY-MM-DD), oldest last entry first. */
export function casesDueForGallring(cases: readonly RetentionCase[], config: GallringConfig, today: string): DueCase[] {
  const byPerson = new Map<string, RetentionCase[]>();
  for (const c of cases) {
    if (c.summary.culled) continue;
    const key = personKey(c.summary);
    byPerson.set(key, [...(byPerson.get(key) ?? []), c]);
  }
  const due: DueCase[] = [];
  for (const akt of byPerson.values()) {
    if (!akt.every((c) => ended(c.summary))) continue;
    const lastEntry = akt.map((c) => lastEntryDay(c.summary)).sort().at(-1)!;
    for (const c of akt) {
      const rule = ruleFor(config, c.summary.processKey, c.law);
      if (!rule || rule.keepYears === null) continue;
      if (c.birthDay === null ? config.whenBirthDayUnknown === 'bevara' : rule.keepBirthDays.includes(c.birthDay)) continue;
      const dutyFrom = addCalendar(lastEntry, 'months', 12 * rule.keepYears);
      if (dutyFrom > today) continue;
      due.push({ instanceId: c.summary.id, processKey: c.summary.processKey, endedAt: c.summary.endedAt!, rule: rule.id, lastEntry, dueBy: `${Number(dutyFrom.slice(0, 4)) + 1}-12-31` });
    }
  }
  return due.sort((a, b) => a.lastEntry.localeCompare(b.lastEntry) || a.instanceId.localeCompare(b.instanceId));
}

/** The person's reference in the case system; a case that names nobody is an akt of its own. */
function personKey(summary: InstanceSummary): string {
  const person = summary.decision?.person ?? summary.variables.brukare;
  return typeof person === 'string' && person.trim() ? `person:${person.trim().toLowerCase()}` : `case:${summary.id}`;
}

/** The day of the case's last entry: its end, or a later fact recorded on its decisions or a later bevakning. */
function lastEntryDay(summary: InstanceSummary): string {
  const instants = [
    summary.endedAt ?? summary.startedAt,
    ...summary.caseEvents.map((e) => e.at),
    ...(summary.earlierDecisions ?? []).flatMap((d) => d.caseEvents.map((e) => e.at)),
    ...summary.bevakningar.map((b) => b.createdAt),
  ];
  return instants.map((at) => stockholmDay(new Date(at))).sort().at(-1)!;
}

/** The day of the month in a stored personnummer (ÅÅÅÅMMDD-NNNN); a samordningsnummer's day is 60 higher. */
export function birthDayOf(personnummer: unknown): number | null {
  if (typeof personnummer !== 'string' || !/^\d{8}-\d{4}$/.test(personnummer)) return null;
  const day = Number(personnummer.slice(6, 8));
  return day > 60 ? day - 60 : day;
}
