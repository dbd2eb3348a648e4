// Where an instance stands: its waiting tasks and events; attached boundary events and flows are not positions.
import type { WaitingActivity } from './task-records.js';

const notPositions = new Set(['bpmn:SequenceFlow', 'bpmn:BoundaryEvent']);

export function activePositions(waiting: WaitingActivity[], elements: Map<string, { type: string; name: string }>) {
  const seen = new Map<string, { elementId: string; name: string }>();
  for (const w of waiting) {
    const element = elements.get(w.id);
    if (!element || notPositions.has(element.type) || seen.has(w.id)) continue;
    const items = waiting.filter((other) => other.id === w.id && other.loop).map((other) => other.loop!);
    seen.set(w.id, { elementId: w.id, name: items.length ? `${element.name} (${itemsLeft(items)} av ${items[0]!.count} kvar)` : element.name });
  }
  return [...seen.values()];
}

/** A multi-instance task's items not yet done: those open now and, one after the other, those still to come. */
function itemsLeft(open: NonNullable<WaitingActivity['loop']>[]): number {
  const last = Math.max(...open.map((item) => item.index));
  return open.length + (open[0]!.count - last - 1);
}
