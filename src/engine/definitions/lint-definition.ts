// bpmnlint over a parsed diagram with the organisation's rules, reported in Swedish: errors stop a publish, warnings are shown.
import { createRequire } from 'node:module';
import type { DefinitionProblem } from '../../errors.js';
import { allFlowElements, type ModdleElement } from './bpmn-parse.js';
import { bpmnlintOnlyResolver, type LintRules } from './lint-config.js';
import { defaultLintRules, lintRules } from './lint-rules.js';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint') as { Linter: new (options: object) => { lint(definitions: unknown): Promise<LintResults> } };

type LintResults = Record<string, { id?: string; message: string; category: 'error' | 'warn' | 'info' | 'rule-error' }[]>;

export interface LintOutcome {
  errors: DefinitionProblem[];
  warnings: DefinitionProblem[];
}

/**
 * Lints the diagram with `rules` (from `readLintRules`; our defaults when none are given). A fresh linter per diagram:
 * rules keep state between calls (no-duplicate-sequence-flows remembers every flow it saw), which would mix two
 * diagrams' ids.
 */
export async function lintDefinition(definitions: ModdleElement, file: string, rules: LintRules = defaultLintRules): Promise<LintOutcome> {
  linkFlowsToNodes(definitions);
  const linter = new Linter({ config: { rules }, resolver: bpmnlintOnlyResolver() });
  const results = await linter.lint(definitions);
  const outcome: LintOutcome = { errors: [], warnings: [] };
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports) {
      const problem: DefinitionProblem = { file, elementId: report.id ?? null, message: `${lintRules[rule]?.message ?? report.message} (${rule})` };
      // A rule that fails on a strange diagram refuses it only when the rule is about how the diagram runs.
      const refuses = report.category === 'error' || (report.category === 'rule-error' && lintRules[rule]?.refuses !== false);
      (refuses ? outcome.errors : outcome.warnings).push(problem);
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
    // allFlowElements descends into sub-processes, whose flows bpmnlint reads the same way.
    for (const flow of allFlowElements(container).filter((e) => e.$type === 'bpmn:SequenceFlow')) {
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
