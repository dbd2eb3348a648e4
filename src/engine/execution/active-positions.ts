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
    seen.set(w.id, { elementId: w.id, name: element.name });
  }
  return [...seen.values()];
}
