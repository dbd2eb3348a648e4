// The per-element rules of our diagram conventions: no scripts, FEEL only, known handlers, roles, forms and timers.
import type { DefinitionProblem } from '../../errors.js';
import { checkFeel } from '../../expressions/index.js';
import { readFormFields } from '../../forms/index.js';
import { checkTimer, timerKindNames, timerKinds } from '../../timers/index.js';
import { isRole } from '../../auth/index.js';
import { camundaProperties, extensionValues, type ModdleElement } from './bpmn-parse.js';
import { conditionGrammar, isDollarExpression, isJuelLanguage, translateCondition } from './normalize-conditions.js';
import { handlerNamed, spellingRefusals } from './normalize-notes.js';
import type { MessageModel, ProcessModel } from './process-model.js';
import { readCandidateUsers } from './read-candidate-users.js';
import { attachLoop, checkLoop } from './check-loop.js';
import { callMappingExtensions, checkCallActivity } from './check-call-activity.js';
import { eventSubProcessProblems } from './check-event-sub-process.js';
import { attributeRefused, conditionLanguageRefused, eventRefusals, extensionRefused, foreignAttributeRefused } from './refusal-texts.js';

export interface CheckContext {
  file: string;
  problems: DefinitionProblem[];
  handlerNames: ReadonlySet<string>;
  messages: ReadonlyMap<string, MessageModel>;
  model: ProcessModel;
  isProcessStart: boolean;
}

const serviceImplementation = /^\$\{environment\.services\.([A-Za-z_][A-Za-z0-9_]*)\}$/;
/** Element types the engine does not run, with what to do instead; the editor shows the same words. */
export const refusedElementTypes: Readonly<Record<string, string>> = {
  'bpmn:ScriptTask': 'Skriptuppgifter är inte tillåtna: ett diagram får aldrig köra kod. Gör steget till en tjänsteuppgift med en registrerad hanterare.',
  'bpmn:BusinessRuleTask': 'Affärsregeluppgifter (DMN) stöds inte. Rita beslutet som en exklusiv gateway med villkor, eller använd en tjänsteuppgift med en registrerad hanterare.',
  'bpmn:ComplexGateway': 'Komplexa gateways stöds inte. Använd en exklusiv gateway (en väg väljs med villkor) eller en parallell gateway (alla vägar).',
  'bpmn:Transaction': 'Transaktioner stöds inte. Rita stegen i en vanlig delprocess, och det som ska hända vid fel med en felhändelse på den.',
  'bpmn:AdHocSubProcess': 'Ad hoc-delprocesser stöds inte. Rita stegen i en vanlig delprocess, med en parallell gateway om de ska kunna göras i valfri ordning.',
  'bpmn:Task': 'En uppgift utan typ gör ingenting när ärendet når den. Gör den till en användaruppgift (någon fyller i ett formulär) eller en tjänsteuppgift (systemet gör något).',
  'bpmn:ManualTask': 'En manuell uppgift syns inte för någon och gör ingenting. Gör den till en användaruppgift, så hamnar den i rollens inkorg.',
};
/** bpmn-engine leaves a case with compensation running with nothing active for ever, so it never reaches a case. */
const compensationRefused = eventRefusals.compensation;
const knownPrefixes = new Set(['xmlns', 'bpmn', 'camunda', 'xsi']);
const allowedExtensions = new Set(['camunda:FormData', 'camunda:Properties']);
const refusedCamundaAttributes = ['class', 'expression', 'delegateExpression', 'resultVariable', 'topic', 'type'];
/** A form kept outside the diagram (an HTML page, a Camunda Form) cannot be shown here; its fields must be in it. */
const formKeyRefused = (attr: string) =>
  `camunda:${attr} pekar på ett formulär utanför diagrammet, som inte kan visas här. Rita formulärets fält i diagrammet i stället (camunda:formData med camunda:formField, "Formulärfält" i redigeraren).`;

export function checkFlowElement(el: ModdleElement, ctx: CheckContext): void {
  const id = el.id ?? null;
  const problem = (message: string) => ctx.problems.push({ file: ctx.file, elementId: id, message });
  const refused = refusedElementTypes[el.$type];
  if (refused) problem(refused);
  for (const message of eventSubProcessProblems(el)) problem(message);
  for (const message of spellingRefusals(el)) problem(message);
  for (const ext of extensionValues(el)) {
    if (!allowedExtensions.has(ext.$type) && !(el.$type === 'bpmn:CallActivity' && callMappingExtensions.has(ext.$type))) problem(extensionRefused(ext.$type));
  }
  for (const attr of refusedCamundaAttributes) {
    if (typeof el[attr] === 'string' && el[attr] && el.$type !== 'bpmn:SequenceFlow') problem(attributeRefused(attr, String(el[attr])));
  }
  // The reader already warns of unknown bpmn: and camunda: attributes; one from another namespace it keeps silently,
  // and nothing would ever read it.
  for (const name of Object.keys((el.$attrs as Record<string, unknown> | undefined) ?? {})) {
    const prefix = name.includes(':') ? name.slice(0, name.indexOf(':')) : '';
    if (prefix && !knownPrefixes.has(prefix)) problem(foreignAttributeRefused(name));
  }
  for (const attr of ['formKey', 'formRef']) if (typeof el[attr] === 'string' && el[attr]) problem(formKeyRefused(attr));
  const loop = checkLoop(el, problem);
  if (el.isForCompensation === true) problem(compensationRefused);
  const condition = el.conditionExpression as ModdleElement | undefined;
  if (condition) checkCondition(condition, problem);
  for (const def of (el.eventDefinitions as ModdleElement[] | undefined) ?? []) checkEventDefinition(el, def, ctx, problem);

  if (el.$type === 'bpmn:UserTask') checkUserTask(el, ctx, problem);
  if (loop) attachLoop(el, ctx.model.userTasks, loop, problem);
  if (el.$type === 'bpmn:ServiceTask' || el.$type === 'bpmn:SendTask') checkServiceTask(el, ctx, problem);
  if (el.$type === 'bpmn:ReceiveTask') checkMessageRef(el.messageRef, ctx, problem);
  if (el.$type === 'bpmn:CallActivity') {
    const call = checkCallActivity(el, problem);
    if (call) ctx.model.callActivities.set(el.id!, call);
  }
  if (el.$type === 'bpmn:StartEvent' && ctx.isProcessStart) {
    for (const p of readFormFields(el as { id: string; extensionElements?: unknown }, ctx.file).problems) ctx.problems.push(p);
  }
}

function checkCondition(condition: ModdleElement, problem: (m: string) => void): void {
  const body = typeof condition.body === 'string' ? condition.body.trim() : '';
  // language="juel" on a ${…} or #{…} the grammar takes lost its language in normalize-spellings; this one did not.
  if (condition.language) {
    const translated = isJuelLanguage(condition.language) && isDollarExpression(body) ? translateCondition(body) : null;
    return problem(translated && !translated.ok ? beyondGrammar(translated.reason) : conditionLanguageRefused(String(condition.language)));
  }
  if (!body) return problem('Villkoret är tomt. Skriv ett villkor i FEEL, t.ex. svar = "ja", eller gör flödet till standardflöde (det som väljs när inget villkor gäller).');
  // normalize-spellings translated every ${…} that fits the grammar; one left here does not.
  const translated = isDollarExpression(body) ? translateCondition(body) : null;
  if (translated && !translated.ok) {
    return problem(beyondGrammar(translated.reason));
  }
  const message = feelProblem(body, 'Villkoret');
  if (message) problem(message);
}

function checkEventDefinition(el: ModdleElement, def: ModdleElement, ctx: CheckContext, problem: (m: string) => void): void {
  if (def.$type === 'bpmn:TimerEventDefinition') {
    const present = timerKinds.filter((k) => def[k]);
    if (present.length !== 1) return problem('En timer måste ha precis ett värde: en varaktighet (timeDuration), ett datum (timeDate) eller en upprepning (timeCycle). Välj sort och skriv värdet under Timer i redigeraren.');
    const kind = present[0]!;
    const raw = String((def[kind] as ModdleElement).body ?? '').trim();
    const message = checkTimer(kind, raw);
    if (message) problem(`Timerns ${timerKindNames[kind].word} "${raw}" går inte att tolka: ${message}`);
  } else if (def.$type === 'bpmn:MessageEventDefinition') {
    checkMessageRef(def.messageRef, ctx, problem);
  } else if (def.$type === 'bpmn:ErrorEventDefinition' && el.$type === 'bpmn:BoundaryEvent') {
    const error = def.errorRef as ModdleElement | undefined;
    if (!error?.errorCode) problem('Felhändelsen säger inte vilket fel den fångar: den måste peka på ett bpmn:error med errorCode. Välj felet under "Fel som fångas" i redigeraren.');
  } else if (def.$type === 'bpmn:ConditionalEventDefinition') {
    problem(eventRefusals.conditional);
  } else if (def.$type === 'bpmn:EscalationEventDefinition' && el.$type !== 'bpmn:IntermediateThrowEvent' && el.$type !== 'bpmn:EndEvent') {
    // Thrown, an escalation ends nothing and is harmless (element-types.test); caught, nothing here would raise one.
    problem(eventRefusals.escalation);
  } else if (def.$type === 'bpmn:CompensateEventDefinition') {
    problem(compensationRefused);
  } else if (def.$type === 'bpmn:LinkEventDefinition') {
    // Tried: the catching link waits from the start, and the case does not end through it.
    problem(eventRefusals.link);
  } else if (def.$type === 'bpmn:SignalEventDefinition' && el.$type !== 'bpmn:IntermediateThrowEvent' && el.$type !== 'bpmn:EndEvent') {
    // Nothing can send a signal to a case, so a step that waits for one would wait for ever.
    problem(eventRefusals.signal);
  }
}

function checkMessageRef(ref: unknown, ctx: CheckContext, problem: (m: string) => void): void {
  const message = ref as ModdleElement | undefined;
  if (!message?.id || !ctx.messages.has(message.id)) problem('Steget säger inte vilket meddelande det väntar på eller skickar: det måste peka på ett bpmn:message i filen. Välj eller skapa meddelandet under "Meddelande" i redigeraren.');
}

function checkUserTask(el: ModdleElement, ctx: CheckContext, problem: (m: string) => void): void {
  const candidateGroups = splitList(el.candidateGroups);
  const { users: candidateUsers, problems: userProblems } = readCandidateUsers(el.candidateUsers);
  userProblems.forEach(problem);
  if (!candidateGroups.length && !candidateUsers.length) {
    problem('Användaruppgiften säger inte vem som utför den. Välj en roll under "Roll som utför uppgiften" i redigeraren (camunda:candidateGroups), eller ange användare i camunda:candidateUsers.');
  }
  for (const g of candidateGroups) if (!isRole(g)) problem(`Okänd roll "${g}" i camunda:candidateGroups. Välj bland rollerna i redigeraren; ett roll-id skrivs som enhetschef eller lss-handlaggare.`);
  const assignee = typeof el.assignee === 'string' && el.assignee.trim() ? el.assignee.trim() : null;
  if (assignee?.startsWith('=')) {
    const m = feelProblem(assignee, 'camunda:assignee');
    if (m) problem(m);
  } else if (assignee && /[$#]\{/.test(assignee)) {
    problem(`camunda:assignee "${assignee}" är ett uttryck, som inte räknas ut här (det skulle bli en användare med just det namnet). Skriv ett användarnamn, =fält för ett fält av typen user, eller lämna det tomt så att uppgiftens roll tar den.`);
  }
  const dueDate = typeof el.dueDate === 'string' && el.dueDate.trim() ? el.dueDate.trim() : null;
  if (dueDate) {
    const m = checkTimer(dueDate.startsWith('P') ? 'timeDuration' : 'timeDate', dueDate);
    if (m) problem(`camunda:dueDate "${dueDate}" går inte att tolka: ${m}`);
  }
  const { fields, problems } = readFormFields(el as { id: string; extensionElements?: unknown }, ctx.file);
  ctx.problems.push(...problems);
  const unit = camundaProperties(el).unit ?? null;
  if (unit?.startsWith('=')) {
    const m = feelProblem(unit, 'egenskapen unit');
    if (m) problem(m);
  }
  ctx.model.userTasks.set(el.id!, { candidateGroups, candidateUsers, assignee, dueDate, form: fields, documentation: documentationOf(el), unit });
}

/** The element's bpmn:documentation texts, joined; null when there are none. */
function documentationOf(el: ModdleElement): string | null {
  const texts = ((el.documentation as ModdleElement[] | undefined) ?? []).map((d) => (typeof d.text === 'string' ? d.text.trim() : '')).filter(Boolean);
  return texts.length ? texts.join('\n\n') : null;
}

function checkServiceTask(el: ModdleElement, ctx: CheckContext, problem: (m: string) => void): void {
  const known = [...ctx.handlerNames].sort().join(', ');
  const match = typeof el.implementation === 'string' ? serviceImplementation.exec(el.implementation.trim()) : null;
  // A handler named another way (zeebe:taskDefinition type, camunda:topic) as written, so an unknown one is named.
  const handler = handlerNamed(el) ?? match?.[1];
  if (handler === undefined) {
    return problem(`Tjänsteuppgiften anropar ingen registrerad hanterare: välj vad steget gör, eller skriv implementation="\${environment.services.<hanterare>}". Kända hanterare: ${known}.`);
  }
  if (!ctx.handlerNames.has(handler)) return problem(`Okänd hanterare "${handler}". Kända hanterare: ${known}.`);
  const properties = camundaProperties(el);
  for (const [name, value] of Object.entries(properties)) {
    if (value.startsWith('=')) {
      const m = feelProblem(value, `Egenskapen ${name}`);
      if (m) problem(m);
    } else if (value.includes('${')) problem(`Egenskapen ${name} får inte innehålla \${…}; använd FEEL som börjar med =.`);
  }
  ctx.model.serviceTasks.set(el.id!, { handler, properties });
}

function beyondGrammar(reason: string): string {
  return `Villkoret \${…} kan inte översättas till FEEL: ${reason}. Tillåtet i \${…} och #{…} är ${conditionGrammar}; skriv annars villkoret i FEEL, t.ex. svar = "ja".`;
}

export function splitList(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

/** A FEEL check that also names where the expression sits. */
export function feelProblem(expression: string, where: string): string | null {
  const message = checkFeel(expression);
  return message ? `${where}: ${message}` : null;
}
