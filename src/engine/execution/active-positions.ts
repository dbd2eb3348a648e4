// Where an instance stands: its waiting tasks and events; attached boundary events and flows are not positions.
import type { WaitingActivity } from './task-records.js';

const notPositions = new Set(['bpmn:SequenceFlow', 'bpmn:BoundaryEvent']);

export function activePositions(waiting: WaitingActivity[], elements: Map<string, { type: string; name: string }>) {
  const seen = new Map<string, { elementId: string; name: string }>();
  for (const w of waiting) {
    const element = elements.get(w.id);
    if (!element || notPositions.has(element.type) || seen.has(w.id)) continue;
    seen.set(w.id, { elementId: w.id, name: element.name });
  }
  return [...seen.values()];
}
