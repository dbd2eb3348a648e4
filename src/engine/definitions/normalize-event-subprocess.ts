// The engine's copy of a diagram with each event sub-process drawn as a boundary event on the rest of its scope.
import BpmnModdle from 'bpmn-moddle';
import { allFlowElements, bpmnModdleOptions, type ModdleElement } from './bpmn-parse.js';

/**
 * Ids of the sub-processes made here start with this; a diagram may not use it (check-event-sub-process.ts), so the
 * history and the positions can leave them out by id alone.
 */
export const scopeWrapperPrefix = '__eventScope-';

/** Whether an id is one of the sub-processes made here, which no one drew and no one is shown. */
export function isScopeWrapper(id: string | undefined): boolean {
  return typeof id === 'string' && id.startsWith(scopeWrapperPrefix);
}

type WrapperLayer = 'beside' | 'over';

function wrapperId(scopeId: string, layer: WrapperLayer): string {
  return `${scopeWrapperPrefix}${scopeId}-${layer}`;
}

/** The scope (the process's or a sub-process's id) whose steps a made wrapper holds. */
export function scopeOfWrapper(id: string): string {
  return id.slice(scopeWrapperPrefix.length).replace(/-(beside|over)$/, '');
}

export function isEventSubProcess(el: ModdleElement | undefined): boolean {
  return el?.$type === 'bpmn:SubProcess' && el.triggeredByEvent === true;
}

/** The start event of an event sub-process interrupts its scope unless it says isInterrupting="false". */
export function isInterruptingStart(start: ModdleElement): boolean {
  return start.isInterrupting !== false;
}

interface Factory {
  create(type: string, attrs: Record<string, unknown>): ModdleElement;
}

/**
 * The reader result the engine is built from, with event sub-processes translated. bpmn-elements 17 starts an event
 * sub-process only from a message or signal delegated to the process and never arms a timer start inside one; but an
 * event sub-process is a boundary event on the rest of its scope, which the engine runs well (durable timers,
 * messages, errors). So the scope's other content is wrapped in a sub-process of its own, and each event
 * sub-process's start becomes a boundary event on that wrapper with the start's id and event, interrupting as the start
 * says; its steps move into the scope after it, with their own ids. Non-interrupting ones sit on an inner wrapper, so
 * an interrupting start also cancels what they started. The stored XML and its drawing are untouched: the case page
 * draws the original, and the ids it highlights are the same.
 */
export async function eventSubProcessesAsBoundaries(moddleContext: unknown): Promise<unknown> {
  const definitions = (moddleContext as { rootElement: ModdleElement }).rootElement;
  if (!processesOf(definitions).some((p) => allFlowElements(p).some(isEventSubProcess))) return moddleContext;
  // A fresh copy to change, so the tree the checks read stays as drawn.
  const moddle = new BpmnModdle(bpmnModdleOptions);
  const copy = (await moddle.fromXML((await moddle.toXML(definitions as never)).xml)).rootElement as unknown as ModdleElement;
  copy.diagrams = [];
  for (const process of processesOf(copy)) translateScope(process, moddle as unknown as Factory);
  return moddle.fromXML((await moddle.toXML(copy as never)).xml);
}

function processesOf(definitions: ModdleElement): ModdleElement[] {
  return ((definitions.rootElements as ModdleElement[] | undefined) ?? []).filter((r) => r.$type === 'bpmn:Process');
}

/** Translates the event sub-processes of one scope (the process or a sub-process), innermost scopes first. */
function translateScope(scope: ModdleElement, factory: Factory): void {
  const elements = (scope.flowElements as ModdleElement[] | undefined) ?? [];
  // An event sub-process holds no other (check-event-sub-process.ts), but may hold embedded ones that do.
  for (const el of elements) if (el.$type === 'bpmn:SubProcess') translateScope(el, factory);
  const events = elements.filter(isEventSubProcess);
  if (!events.length) return;
  const startOf = (v: ModdleElement) => ((v.flowElements as ModdleElement[]).find((e) => e.$type === 'bpmn:StartEvent'))!;
  const alongside = events.filter((v) => !isInterruptingStart(startOf(v)));
  const interrupting = events.filter((v) => isInterruptingStart(startOf(v)));
  let content = elements.filter((el) => !isEventSubProcess(el));
  for (const [layer, group] of [['beside', alongside], ['over', interrupting]] as [WrapperLayer, ModdleElement[]][]) {
    if (!group.length) continue;
    const wrapper = factory.create('bpmn:SubProcess', { id: wrapperId(scope.id as string, layer), flowElements: content });
    content = [wrapper];
    for (const v of group) content.push(...asBoundary(v, startOf(v), wrapper, factory));
  }
  scope.flowElements = content;
}

/** The event sub-process's start as a boundary event on `wrapper`, followed by the steps the sub-process held. */
function asBoundary(v: ModdleElement, start: ModdleElement, wrapper: ModdleElement, factory: Factory): ModdleElement[] {
  const boundary = factory.create('bpmn:BoundaryEvent', {
    id: start.id,
    name: start.name,
    attachedToRef: wrapper,
    cancelActivity: isInterruptingStart(start),
    eventDefinitions: start.eventDefinitions,
    outgoing: start.outgoing,
  });
  for (const flow of (start.outgoing as ModdleElement[] | undefined) ?? []) flow.sourceRef = boundary;
  const steps = (v.flowElements as ModdleElement[]).filter((e) => e !== start);
  return [boundary, ...steps];
}
