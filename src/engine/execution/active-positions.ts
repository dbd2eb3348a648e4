// Where an instance stands: its waiting tasks and events; attached boundary events and flows are not positions.
import type { WaitingActivity } from './task-records.js';
import { isEventSubProcessStart } from '../definitions/event-sub-process-model.js';
import type { ProcessModel } from '../definitions/process-model.js';

const notPositions = new Set(['bpmn:SequenceFlow', 'bpmn:BoundaryEvent']);

export function activePositions(waiting: WaitingActivity[], elements: ProcessModel['elements']) {
  const seen = new Map<string, { elementId: string; name: string }>();
  for (const w of waiting) {
    const element = elements.get(w.id);
    // An event sub-process's start runs as a boundary event (normalize-event-subprocess.ts): armed, not a position.
    if (!element || notPositions.has(element.type) || isEventSubProcessStart(elements, w.id) || seen.has(w.id)) continue;
    // A multi-instance task is one position however many of its items are open; its name says how many are left.
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
