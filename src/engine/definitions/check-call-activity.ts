// A call activity names another routine by its key; what is passed in and back is plain variable names, never code.
import { extensionValues, type ModdleElement } from './bpmn-parse.js';
import { processKeyFrom } from './normalize-process-key.js';

/** One variable passed (`camunda:in`) or brought back (`camunda:out`): all of them, or one under a name. */
export type VariableMapping = { all: true } | { source: string; target: string };

export interface CallActivityModel {
  /** The key of the routine whose newest version the child case runs. */
  calledKey: string;
  /** `camunda:in`; null: none written, so the child gets every variable of the caller. */
  inputs: VariableMapping[] | null;
  /** `camunda:out`; null: none written, so the caller gets every variable of the child but its own start-form fields. */
  outputs: VariableMapping[] | null;
}

/** The extension elements a call activity may carry besides the ones every element may. */
export const callMappingExtensions: ReadonlySet<string> = new Set(['camunda:In', 'camunda:Out']);

const variableName = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Camunda's way to give the child the caller's case number; ours always does, so it is accepted and changes nothing. */
const callerBusinessKey = /^[#$]\{\s*execution\.processBusinessKey\s*\}$/;
const expression = /[$#]\{|^\s*=/;
const mappingsAdvice = 'Använd camunda:in och camunda:out med variables="all" eller med source och target (variabelnamn).';

/** Checks one call activity; the model of it, or null when it cannot run (its problems are told). */
export function checkCallActivity(el: ModdleElement, problem: (message: string) => void): CallActivityModel | null {
  let count = 0;
  const say = (message: string) => {
    count++;
    problem(message);
  };
  const raw = typeof el.calledElement === 'string' ? el.calledElement.trim() : '';
  if (!raw) say('Anropsaktiviteten saknar calledElement: skriv nyckeln för den publicerade rutin som ska startas (t.ex. extern-placering).');
  else if (expression.test(raw)) say(`calledElement "${raw}" är ett uttryck, som inte räknas ut här. Skriv nyckeln för en publicerad rutin (t.ex. extern-placering).`);
  const binding = typeof el.calledElementBinding === 'string' ? el.calledElementBinding : 'latest';
  if (binding !== 'latest') say(`camunda:calledElementBinding="${binding}" stöds inte: ett anropat ärende startar alltid den senaste versionen av rutinen. Ta bort attributet.`);
  for (const attr of ['calledElementVersion', 'calledElementVersionTag', 'calledElementTenantId']) {
    if (typeof el[attr] === 'string' && el[attr]) say(`camunda:${attr} stöds inte: ett anropat ärende startar alltid den senaste versionen av rutinen. Ta bort attributet.`);
  }
  if (typeof el.caseRef === 'string' && el.caseRef) say('camunda:caseRef anropar ett CMMN-fall, som inte finns här. Anropa en BPMN-rutin med calledElement.');
  for (const attr of ['variableMappingClass', 'variableMappingDelegateExpression']) {
    if (typeof el[attr] === 'string' && el[attr]) say(`camunda:${attr} kör Java-kod, vilket aldrig görs här. ${mappingsAdvice}`);
  }
  const inputs = readMappings(el, 'camunda:In', say);
  const outputs = readMappings(el, 'camunda:Out', say);
  if (count) return null;
  return { calledKey: processKeyFrom(raw), inputs, outputs };
}

function readMappings(el: ModdleElement, type: 'camunda:In' | 'camunda:Out', say: (message: string) => void): VariableMapping[] | null {
  const written = extensionValues(el).filter((v) => v.$type === type);
  if (!written.length) return null;
  const tag = type === 'camunda:In' ? 'camunda:in' : 'camunda:out';
  const mappings: VariableMapping[] = [];
  for (const m of written) {
    const text = (name: string) => (typeof m[name] === 'string' ? (m[name] as string).trim() : '');
    if (text('sourceExpression')) say(`${tag} med sourceExpression "${text('sourceExpression')}" är ett uttryck, som inte räknas ut här. ${mappingsAdvice}`);
    else if (m.local === true) say(`${tag} med local="true" stöds inte: ett ärende har inga lokala variabler. ${mappingsAdvice}`);
    else if (text('businessKey')) {
      if (type === 'camunda:Out' || !callerBusinessKey.test(text('businessKey'))) say(`${tag} businessKey="${text('businessKey')}" stöds inte: det anropade ärendet får alltid det anropande ärendets ärendenummer. Ta bort attributet.`);
    } else if (text('variables')) {
      if (text('variables') === 'all') mappings.push({ all: true });
      else say(`${tag} variables="${text('variables')}" stöds inte; bara variables="all". ${mappingsAdvice}`);
    } else {
      const source = text('source');
      const target = text('target') || source;
      if (!variableName.test(source) || !variableName.test(target)) say(`${tag} måste ha source och target som är variabelnamn (bokstäver, siffror och _), inte "${source}" och "${target}". ${mappingsAdvice}`);
      else mappings.push({ source, target });
    }
  }
  return mappings;
}

/** The variables a call passes: `mappings` applied to `from`; without mappings, all of them. */
export function mappedVariables(from: Record<string, unknown>, mappings: readonly VariableMapping[] | null, keepOut: ReadonlySet<string> = new Set()): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const all = mappings === null || mappings.some((m) => 'all' in m);
  if (all) for (const [name, value] of Object.entries(from)) if (!keepOut.has(name)) out[name] = value;
  for (const m of mappings ?? []) if ('source' in m && m.source in from) out[m.target] = from[m.source];
  return out;
}
