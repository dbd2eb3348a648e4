// When an event sub-process's start is armed or catches an error, read from where a case stands, as the engine runs it.

/**
 * What this reads of a process model's elements, said here rather than imported: process-model.ts asks these
 * functions, so importing its types back would be a cycle.
 */
interface ElementFacts {
  type: string;
  parent?: string;
  triggeredByEvent?: boolean;
  interrupting?: boolean;
  messageRef?: string;
  errorCode?: string;
}
type Elements = ReadonlyMap<string, ElementFacts>;
type ModelFacts = { readonly elements: Elements };

/** The event sub-process whose start this is, or undefined for any other element. */
function eventSubProcessOf(elements: Elements, startId: string): string | undefined {
  const start = elements.get(startId);
  if (start?.type !== 'bpmn:StartEvent' || !start.parent) return undefined;
  return elements.get(start.parent)?.triggeredByEvent ? start.parent : undefined;
}

/** Whether this is the start event of an event sub-process (the engine runs it as a boundary event). */
export function isEventSubProcessStart(elements: Elements, id: string): boolean {
  return eventSubProcessOf(elements, id) !== undefined;
}

/** Whether an event sub-process's start interrupts its scope (the default); false for any other element. */
function interrupts(elements: Elements, eventSubProcess: string): boolean {
  if (!isEventSubProcess(elements, eventSubProcess)) return false;
  for (const el of elements.values()) if (el.type === 'bpmn:StartEvent' && el.parent === eventSubProcess) return el.interrupting !== false;
  return true;
}

/**
 * Whether a token of the scope (the process when undefined) stands where that scope's starts of this kind are armed:
 * its own steps or those of an embedded sub-process in it, for every start; also the steps a non-interrupting event
 * sub-process of the scope started, for an interrupting start (they run inside the wrapper it is attached to).
 */
function standsUnder(elements: Elements, positionId: string, scope: string | undefined, interrupting: boolean): boolean {
  for (let at: string | undefined = positionId; ; ) {
    const parent: string | undefined = elements.get(at)?.parent;
    if (parent === scope) return !isEventSubProcess(elements, at) || (interrupting && !interrupts(elements, at));
    if (parent === undefined) return false;
    at = parent;
  }
}

function isInside(elements: Elements, positionId: string, container: string): boolean {
  for (let at = elements.get(positionId)?.parent; at; at = elements.get(at)?.parent) if (at === container) return true;
  return false;
}

function isEventSubProcess(elements: Elements, id: string): boolean {
  return elements.get(id)?.triggeredByEvent === true;
}

/**
 * The message starts of event sub-processes that a case standing at `at` takes now: their scope is running outside
 * them. A non-interrupting one takes one message per run of its scope (bpmn-elements arms a boundary event once), so
 * it is not listed while its own steps run; after they end, a second message is refused by the delivery itself.
 */
export function armedMessageStarts(model: ModelFacts, at: ReadonlySet<string>): { elementId: string; messageId: string }[] {
  const armed: { elementId: string; messageId: string }[] = [];
  for (const [id, element] of model.elements) {
    const eventSubProcess = element.messageRef ? eventSubProcessOf(model.elements, id) : undefined;
    if (!eventSubProcess) continue;
    const scope = model.elements.get(eventSubProcess)!.parent;
    const interrupting = element.interrupting !== false;
    // A non-interrupting one that took its message is not armed again while its steps run.
    if (!interrupting && [...at].some((position) => isInside(model.elements, position, eventSubProcess))) continue;
    if ([...at].some((position) => standsUnder(model.elements, position, scope, interrupting))) armed.push({ elementId: id, messageId: element.messageRef! });
  }
  return armed;
}

/**
 * Whether an error start of an event sub-process catches this code thrown at `elementId`: one in a scope around it,
 * unless the error comes from an interrupting event sub-process of that same scope (which runs beside the wrapper).
 */
export function caughtByErrorStart(model: ModelFacts, elementId: string, code: string): boolean {
  for (let at: string | undefined = elementId; at; at = model.elements.get(at)?.parent) {
    const scope = model.elements.get(at)?.parent;
    if (interrupts(model.elements, at)) continue;
    for (const [id, element] of model.elements) {
      if (element.errorCode !== code) continue;
      const eventSubProcess = eventSubProcessOf(model.elements, id);
      if (eventSubProcess && model.elements.get(eventSubProcess)!.parent === scope) return true;
    }
  }
  return false;
}
