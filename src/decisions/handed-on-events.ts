// A decision's events across the cases that carried it. A case that hands its decision on (`overlamnad`) may still
// record on it afterwards (a reason for delay asked before the hand-over and given after it); the case that carries the
// decision now reads those too, so the register and the IVO report show them without any case writing into another.
import type { CaseEvent } from './case-event.js';
import type { CarriedDecision } from './decision-header.js';

/** Whether the events hold a hand-over: the decision continues in another case, which lists and reports it. */
export function handedOn(events: readonly CaseEvent[]): boolean {
  return events.some((e) => e.type === 'overlamnad');
}

/** What the case that takes a decision over starts with: the giver's events before it handed the decision on. */
export function eventsBeforeHandover(events: readonly CaseEvent[]): CaseEvent[] {
  const at = events.findIndex((e) => e.type === 'overlamnad');
  return at < 0 ? [...events] : events.slice(0, at);
}

/** What a giver recorded on the decision after it handed it on (the hand-over itself left out). */
export function eventsAfterHandover(events: readonly CaseEvent[]): CaseEvent[] {
  const at = events.findIndex((e) => e.type === 'overlamnad');
  return at < 0 ? [] : events.slice(at + 1).filter((e) => e.type !== 'overlamnad');
}

/**
 * A decision's events as the case that carries it reads them: its own, in the order it recorded them, with what each
 * case that handed the decision on (`givers`, each one's own events) recorded after the hand-over, merged in by day.
 * An event the carrier already holds (its copy from the hand-over) is never added twice.
 */
export function decisionEvents(carrier: readonly CaseEvent[], givers: readonly (readonly CaseEvent[])[]): CaseEvent[] {
  const seen = new Set(carrier.map(identity));
  const later: CaseEvent[] = [];
  for (const event of givers.flatMap(eventsAfterHandover)) {
    if (seen.has(identity(event))) continue;
    seen.add(identity(event));
    later.push(event);
  }
  if (later.length === 0) return [...carrier];
  later.sort(byDay);
  const merged: CaseEvent[] = [];
  let next = 0;
  for (const event of carrier) {
    while (next < later.length && byDay(later[next]!, event) < 0) merged.push(later[next++]!);
    merged.push(event);
  }
  return [...merged, ...later.slice(next)];
}

/** The events of the cases that handed a decision on, by the decision's id. */
export type GiversByDecision = ReadonlyMap<string, readonly (readonly CaseEvent[])[]>;

/** The events of every decision that a case handed on, by the decision's id: what `decisionEvents` reads as givers. */
export function giversByDecision(decisions: Iterable<CarriedDecision>): GiversByDecision {
  const givers = new Map<string, CaseEvent[][]>();
  for (const { header, events } of decisions) {
    if (handedOn(events)) givers.set(header.id, [...(givers.get(header.id) ?? []), events]);
  }
  return givers;
}

/** The decision with its events read across cases; one that this case handed on stays as it recorded it. */
export function readAcrossCases(carried: CarriedDecision, givers: GiversByDecision): CarriedDecision {
  const from = givers.get(carried.header.id);
  if (!from || handedOn(carried.events)) return carried;
  return { ...carried, events: decisionEvents(carried.events, from) };
}

/** Each case with the decisions it carries, their events read across all the cases given (the register, the reports). */
export function decisionsAcrossCases<C>(cases: Iterable<C>, decisionsOf: (of: C) => CarriedDecision[]): { of: C; decisions: CarriedDecision[] }[] {
  const carried = [...cases].map((of) => ({ of, decisions: decisionsOf(of) }));
  const givers = giversByDecision(carried.flatMap((c) => c.decisions));
  return carried.map(({ of, decisions }) => ({ of, decisions: decisions.map((d) => readAcrossCases(d, givers)) }));
}

/** One event recorded once, wherever it is read: its kind, day, reason and the moment it was recorded. */
function identity(e: CaseEvent): string {
  return JSON.stringify([e.type, e.date, e.reason, e.at]);
}

/** Earlier day first; on the same day the one recorded first. */
function byDay(a: CaseEvent, b: CaseEvent): number {
  return a.date.localeCompare(b.date) || a.at.localeCompare(b.at);
}
