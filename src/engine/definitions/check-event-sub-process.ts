// What an event sub-process may start from and hold, so that its translation to a boundary event runs as drawn.
import type { ModdleElement } from './bpmn-parse.js';
import { allFlowElements } from './bpmn-parse.js';
import { isEventSubProcess, isInterruptingStart, scopeWrapperPrefix } from './normalize-event-subprocess.js';

const waitingTypes = new Set(['bpmn:UserTask', 'bpmn:ReceiveTask', 'bpmn:IntermediateCatchEvent', 'bpmn:EventBasedGateway']);
const drawInstead = 'Låt delprocessen starta med en timer, ett meddelande (bpmn:message) eller ett fel (bpmn:error) från en hanterare';
/** Start events an event sub-process cannot have here, with why. */
const refusedStarts: Readonly<Record<string, string>> = {
  'bpmn:SignalEventDefinition': `startar med en signal, men en signal kan inte skickas till ett ärende. ${drawInstead}.`,
  'bpmn:ConditionalEventDefinition': `startar med ett villkor, som inte stöds. ${drawInstead}: ett meddelande när det som villkoret väntar på har hänt.`,
  'bpmn:EscalationEventDefinition': `startar med en eskalering, som inte stöds. ${drawInstead}.`,
  'bpmn:CompensateEventDefinition': `startar med kompensation, som inte stöds. Rita ångrandet som vanliga steg i flödet.`,
};

/** The problems of one flow element that concern event sub-processes (in check-flow-element.ts's words). */
export function eventSubProcessProblems(el: ModdleElement): string[] {
  const problems: string[] = [];
  if (el.id?.startsWith(scopeWrapperPrefix)) problems.push(`Id:n som börjar med ${scopeWrapperPrefix} är reserverade; byt id.`);
  const cycle = repeatingStartAround(el);
  if (cycle && isWaiting(el)) {
    problems.push(`Steget nås från "${nameOf(cycle)}", som startar delprocessen upprepade gånger utan att avbryta. Är steget ` +
      'fortfarande öppet när timern löser ut nästa gång, väntar den nya gången osynligt bakom den första, eftersom motorn ' +
      'kör ett steg en gång i taget. Låt den upprepade timern bara leda till tjänsteuppgifter (t.ex. bevakningar), eller ' +
      'låt en timer som avbryter starta delprocessen.');
  }
  if (!isEventSubProcess(el)) return problems;
  const name = `Den händelsestyrda delprocessen "${nameOf(el)}"`;
  if (isEventSubProcess(el.$parent as ModdleElement | undefined)) {
    problems.push(`${name} ligger i en annan händelsestyrd delprocess, vilket inte stöds. Lägg den bredvid, eller rita den yttre som en vanlig delprocess.`);
  }
  const starts = ((el.flowElements as ModdleElement[] | undefined) ?? []).filter((e) => e.$type === 'bpmn:StartEvent');
  if (starts.length !== 1) return [...problems, `${name} måste ha precis en starthändelse (en timer, ett meddelande eller ett fel), fann ${starts.length}.`];
  const start = starts[0]!;
  const definition = ((start.eventDefinitions as ModdleElement[] | undefined) ?? [])[0];
  if (!definition) return [...problems, `${name} saknar händelse på sin starthändelse. ${drawInstead}.`];
  const refused = refusedStarts[definition.$type];
  if (refused) problems.push(`${name} ${refused}`);
  if (definition.$type === 'bpmn:ErrorEventDefinition') {
    if (!isInterruptingStart(start)) problems.push(`${name} startar med ett fel utan att avbryta; ett fel avbryter alltid. Ta bort isInterrupting="false".`);
    if (!(definition.errorRef as ModdleElement | undefined)?.errorCode) problems.push(`${name}: felhändelsen måste referera till ett bpmn:error med errorCode.`);
  }
  return problems;
}

/** The non-interrupting repeating timer start of an event sub-process around `el`, if any. */
function repeatingStartAround(el: ModdleElement): ModdleElement | null {
  for (let at = el.$parent as ModdleElement | undefined; at; at = at.$parent as ModdleElement | undefined) {
    if (!isEventSubProcess(at)) continue;
    const start = ((at.flowElements as ModdleElement[] | undefined) ?? []).find((e) => e.$type === 'bpmn:StartEvent');
    const timer = ((start?.eventDefinitions as ModdleElement[] | undefined) ?? []).find((d) => d.$type === 'bpmn:TimerEventDefinition');
    if (start && timer?.timeCycle && !isInterruptingStart(start)) return start;
  }
  return null;
}

function isWaiting(el: ModdleElement): boolean {
  if (el.$type === 'bpmn:SubProcess') return !isEventSubProcess(el) && allFlowElements(el).some((inner) => waitingTypes.has(inner.$type));
  return waitingTypes.has(el.$type);
}

function nameOf(el: ModdleElement): string {
  return el.name?.trim() || el.id || '';
}

/** What the model keeps of an element about event sub-processes: whether it is one, and a start that does not interrupt. */
export function eventSubProcessFlags(el: ModdleElement): { triggeredByEvent?: true; interrupting?: false } {
  if (isEventSubProcess(el)) return { triggeredByEvent: true };
  return el.$type === 'bpmn:StartEvent' && isEventSubProcess(el.$parent as ModdleElement | undefined) && !isInterruptingStart(el) ? { interrupting: false } : {};
}
