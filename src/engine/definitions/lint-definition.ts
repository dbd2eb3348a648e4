// bpmnlint's recommended rules over a parsed diagram, reported in Swedish; its errors stop a publish, warnings are shown.
import { createRequire } from 'node:module';
import type { DefinitionProblem } from '../../errors.js';
import type { ModdleElement } from './bpmn-parse.js';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint') as { Linter: new (options: object) => { lint(definitions: unknown): Promise<LintResults> } };
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new () => object;

type LintResults = Record<string, { id?: string; message: string; category: 'error' | 'warn' | 'info' | 'rule-error' }[]>;

export interface LintOutcome {
  errors: DefinitionProblem[];
  warnings: DefinitionProblem[];
}

/** What each recommended rule means, said to a process analyst. */
const swedishMessages: Record<string, string> = {
  'ad-hoc-sub-process': 'Ad hoc-delprocessen är felaktigt uppbyggd.',
  'conditional-flows': 'Ett flöde ut från en gateway eller aktivitet med villkor saknar villkor (eller standardflöde).',
  'end-event-required': 'Processen saknar sluthändelse.',
  'event-based-gateway': 'En händelsebaserad gateway måste leda till minst två händelser och inget annat.',
  'event-sub-process-typed-start-event': 'Händelsedelprocessen måste börja med en typad starthändelse.',
  'fake-join': 'Flera flöden går in i elementet utan gateway; rita en gateway där de möts.',
  global: 'Ett globalt element (meddelande, signal, fel) används inte eller har samma namn som ett annat.',
  'label-required': 'Elementet saknar namn.',
  'link-event': 'Länkhändelserna hör inte ihop (varje kastande länk behöver en fångande med samma namn).',
  'no-bpmndi': 'Elementet saknas i ritningen (BPMN DI).',
  'no-complex-gateway': 'Komplexa gateways stöds inte.',
  'no-disconnected': 'Elementet är inte kopplat till flödet.',
  'no-duplicate-sequence-flows': 'Två flöden går mellan samma element med samma villkor.',
  'no-gateway-join-fork': 'Gatewayen både sammanför och delar flöden; använd en gateway för vardera.',
  'no-implicit-split': 'Flera flöden går ut från elementet utan gateway; rita en gateway där flödet delas.',
  'no-implicit-end': 'Elementet har inget utgående flöde; avsluta med en sluthändelse.',
  'no-implicit-start': 'Elementet har inget inkommande flöde; börja med en starthändelse.',
  'no-inclusive-gateway': 'Inkluderande gateways är svåra att följa; överväg exklusiva eller parallella.',
  'no-overlapping-elements': 'Elementet ligger ovanpå ett annat i ritningen.',
  'single-blank-start-event': 'Processen har mer än en starthändelse utan typ.',
  'single-event-definition': 'Händelsen har mer än en händelsedefinition.',
  'start-event-required': 'Processen saknar starthändelse.',
  'sub-process-blank-start-event': 'Delprocessen måste börja med en starthändelse utan typ.',
  'superfluous-gateway': 'Gatewayen har bara ett flöde in och ett ut och behövs inte.',
  'superfluous-label': 'Flödet har ett namn fast det varken har ett villkor eller går ut från en gateway som väljer väg.',
  'superfluous-termination': 'Avslutande sluthändelse behövs inte här; en vanlig sluthändelse räcker.',
};

/**
 * Lints the diagram with bpmnlint's recommended configuration. A fresh linter per diagram: rules keep state between
 * calls (no-duplicate-sequence-flows remembers every flow it saw), which would mix two diagrams' ids.
 */
export async function lintDefinition(definitions: ModdleElement, file: string): Promise<LintOutcome> {
  linkFlowsToNodes(definitions);
  const linter = new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver: new NodeResolver() });
  const results = await linter.lint(definitions);
  const outcome: LintOutcome = { errors: [], warnings: [] };
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports) {
      const problem: DefinitionProblem = { file, elementId: report.id ?? null, message: `${swedishMessages[rule] ?? report.message} (${rule})` };
      (report.category === 'warn' || report.category === 'info' ? outcome.warnings : outcome.errors).push(problem);
    }
  }
  return outcome;
}

/**
 * The engine follows a flow's sourceRef and targetRef; a node's <incoming>/<outgoing> children only repeat them and
 * many tools leave them out. bpmnlint reads the children, so they are filled in from the flows before it runs.
 */
function linkFlowsToNodes(definitions: ModdleElement): void {
  const containers = ((definitions.rootElements as ModdleElement[] | undefined) ?? []).filter((r) => Array.isArray(r.flowElements));
  for (const container of containers) {
    const elements = container.flowElements as ModdleElement[];
    for (const flow of elements.filter((e) => e.$type === 'bpmn:SequenceFlow')) {
      link(flow.sourceRef as ModdleElement | undefined, 'outgoing', flow);
      link(flow.targetRef as ModdleElement | undefined, 'incoming', flow);
    }
  }
}

function link(node: ModdleElement | undefined, side: 'incoming' | 'outgoing', flow: ModdleElement): void {
  if (!node) return;
  const list = (node[side] as ModdleElement[] | undefined) ?? [];
  if (!list.includes(flow)) node[side] = [...list, flow];
}
