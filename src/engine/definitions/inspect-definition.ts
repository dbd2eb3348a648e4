// Checks a parsed diagram against our conventions and reads the process model; every problem names file and element.
import type { DefinitionProblem } from '../../errors.js';
import { readFormFields } from '../../forms/index.js';
import { isRole } from '../../auth/index.js';
import { allFlowElements, camundaProperties, extensionValues, type ModdleElement } from './bpmn-parse.js';
import { reservedVariableNames } from '../elements/process-variables.js';
import type { ProcessModel } from './process-model.js';
import { checkFlowElement, splitList } from './check-flow-element.js';
import { checkMessagesKeepDecision, readMessages } from './read-messages.js';
import { checkAssigneeFields } from './check-assignee-fields.js';
import { checkOneTokenPerStep } from './check-one-token-per-step.js';
import { eventSubProcessFlags } from './check-event-sub-process.js';
import { analystPrefix, inAnalystSpelling, inWrittenSpelling } from './normalize-spellings.js';
import { extensionRefused } from './refusal-texts.js';

const processKeyPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export interface Inspection {
  model: ProcessModel | null;
  problems: DefinitionProblem[];
}

/** Reads the single executable process of a diagram; `handlerNames` are the registered service handlers. */
export function inspectDefinition(definitions: ModdleElement, file: string, handlerNames: ReadonlySet<string>): Inspection {
  const problems: DefinitionProblem[] = [];
  const problem = (elementId: string | null, message: string) => problems.push({ file, elementId, message });
  const roots = (definitions.rootElements as ModdleElement[] | undefined) ?? [];
  const processes = roots.filter((r) => r.$type === 'bpmn:Process');
  const executable = processes.filter((p) => p.isExecutable === true);
  // Other pools (non-executable processes, participants without one) and message flows are documentation.
  if (executable.length !== 1) {
    const found = executable.length ? `${executable.length} körbara processer (${executable.map((p) => p.id).join(', ')})` : 'ingen';
    problem(null, `Filen måste innehålla exakt en körbar process (bpmn:process med isExecutable="true"), fann ${found}. Ett ärende följer en process: markera bara den pool som ärendet följer som körbar (de andra pooler och meddelandeflödena visas då som dokumentation), eller dela upp processerna i var sin fil.`);
    return { model: null, problems };
  }
  const process = executable[0]!;
  const key = process.id ?? '';
  if (!processKeyPattern.test(key)) problem(key || null, `Processens id "${key}" måste vara i kebab-case: små bokstäver, siffror och bindestreck (t.ex. korttidsvistelse-lss). Byt id på processen.`);
  if (!process.name?.trim()) problem(key, 'Processen saknar namn (name). Ge den det namn handläggarna ska se, under Namn när ingenting är valt i redigeraren.');

  const messages = readMessages(roots, file, problems);
  for (const r of roots.filter((r) => ['bpmn:Message', 'bpmn:Error', 'bpmn:Signal', 'bpmn:Escalation'].includes(r.$type))) {
    if ([r.name, r.errorCode].some((v) => typeof v === 'string' && v.includes('${'))) problem(r.id ?? null, 'Namn och felkoder får inte innehålla ${…}: de räknas inte ut. Skriv fast text; ett meddelande skickas till ärendet med sitt namn.');
  }

  const starterGroups = splitList(process.candidateStarterGroups);
  for (const g of starterGroups) if (!isRole(g)) problem(key, `Okänd roll "${g}" i camunda:candidateStarterGroups. Välj bland rollerna under "Vem får starta ärenden" i redigeraren.`);
  for (const ext of extensionValues(process)) {
    if (ext.$type !== 'camunda:Properties') problem(key, extensionRefused(ext.$type, ' på processen', 'egenskaper (camunda:properties)'));
  }
  const properties = camundaProperties(process);
  if (properties.lag !== undefined && !['LSS', 'SoL'].includes(properties.lag)) problem(key, `Egenskapen lag måste vara LSS eller SoL, inte "${properties.lag}".`);
  // The message that ends the decision's case: recording `avslutat` on the case page sends it, so it must exist.
  if (properties.avslutsmeddelande !== undefined && !messages.has(properties.avslutsmeddelande)) {
    problem(key, `Egenskapen avslutsmeddelande namnger meddelandet "${properties.avslutsmeddelande}", som inte finns i diagrammet. Skapa meddelandet (bpmn:message med det id:t), eller rätta egenskapen.`);
  }

  const model: ProcessModel = {
    key,
    name: process.name?.trim() ?? key,
    starterGroups,
    properties,
    startForm: [],
    elements: new Map(),
    userTasks: new Map(),
    serviceTasks: new Map(),
    messages,
    callActivities: new Map(),
  };

  const flowElements = allFlowElements(process);
  const startEvents = ((process.flowElements as ModdleElement[] | undefined) ?? []).filter((e) => e.$type === 'bpmn:StartEvent');
  const noneStart = startEvents.find((s) => !(s.eventDefinitions as unknown[] | undefined)?.length) ?? startEvents[0];
  if (!noneStart) problem(key, 'Processen saknar starthändelse. Rita en starthändelse utan typ där ärendet börjar.');
  for (const el of flowElements) {
    const id = el.id ?? '';
    const messageRef = caughtMessage(el);
    const attachedTo = (el.attachedToRef as ModdleElement | undefined)?.id;
    const errorCode = caughtErrorCode(el);
    const timer = timerValue(el);
    const parent = (el.$parent as ModdleElement | undefined)?.$type === 'bpmn:SubProcess' ? (el.$parent as ModdleElement).id : undefined;
    model.elements.set(id, { type: el.$type, name: el.name?.trim() || id, ...(messageRef ? { messageRef } : {}), ...(attachedTo ? { attachedTo } : {}), ...(errorCode ? { errorCode } : {}), ...(timer ? { timer } : {}), ...(parent ? { parent } : {}), ...eventSubProcessFlags(el) });
    checkFlowElement(el, { file, problems, handlerNames, messages, model, isProcessStart: el === noneStart });
  }
  if (noneStart) {
    const { fields } = readFormFields(noneStart as { id: string; extensionElements?: unknown }, file);
    model.startForm = fields;
  }
  problems.push(...checkMessagesKeepDecision(messages, model.startForm, file));
  problems.push(...checkOneTokenPerStep(process, file));
  problems.push(...checkAssigneeFields(model, file));
  const formsByElement = new Map([[noneStart?.id ?? null, model.startForm], ...[...model.userTasks].map(([id, t]) => [id, t.form] as const)]);
  for (const [elementId, form] of formsByElement) {
    for (const f of form) if (reservedVariableNames.has(f.id)) problem(elementId, `Fältnamnet "${f.id}" är reserverat för systemet; välj ett annat id, t.ex. ${f.id}Text.`);
  }
  // Operaton Modeler writes operaton:, Camunda 8 zeebe:…, read as camunda:; the analyst is told in what the file says.
  return { model, problems: inAnalystSpelling(inWrittenSpelling(problems, flowElements), analystPrefix(definitions)) };
}

/** The message a receive task or a message event waits for (or throws), by id. */
function caughtMessage(el: ModdleElement): string | null {
  if (el.$type === 'bpmn:ReceiveTask') return (el.messageRef as ModdleElement | undefined)?.id ?? null;
  const definition = (el.eventDefinitions as ModdleElement[] | undefined)?.find((d) => d.$type === 'bpmn:MessageEventDefinition');
  return (definition?.messageRef as ModdleElement | undefined)?.id ?? null;
}

/** A timer event's value (timeDate, timeDuration or timeCycle) as written. */
function timerValue(el: ModdleElement): string | null {
  const definition = (el.eventDefinitions as ModdleElement[] | undefined)?.find((d) => d.$type === 'bpmn:TimerEventDefinition');
  const value = ['timeDate', 'timeDuration', 'timeCycle'].map((kind) => (definition?.[kind] as ModdleElement | undefined)?.body).find((b) => typeof b === 'string');
  return typeof value === 'string' ? value.trim() : null;
}

/** The errorCode an error boundary event catches. */
function caughtErrorCode(el: ModdleElement): string | null {
  const definition = (el.eventDefinitions as ModdleElement[] | undefined)?.find((d) => d.$type === 'bpmn:ErrorEventDefinition');
  const code = (definition?.errorRef as ModdleElement | undefined)?.errorCode;
  return typeof code === 'string' && code ? code : null;
}

export { camundaProperties };
