// Worker thread body: parses and checks one uploaded diagram away from the server's event loop, answers with its problems.
// Uploads are new diagrams, so the organisation's lint rules apply, and one without a drawing is laid out here too.
// The worker lives on between uploads.
import '../../zod-jitless.js';
import type { DefinitionProblem } from '../../errors.js';
import { checkDefinition } from './compile-definition.js';
import type { LintRules } from './lint-config.js';
import { callSites, type CallSite } from './check-called-routines.js';

/** What the main thread hands over: plain data only, nothing that carries functions. */
export interface ParseRequest {
  xml: string;
  file: string;
  handlerNames: string[];
  /** The lint rules in force (`.bpmnlintrc` or our defaults), resolved to plain data. */
  lintRules: LintRules;
}

/**
 * What the worker answers: the process id it found (null when unreadable), the problems, the warnings (lint's advice,
 * a drawing made) and, when the diagram came without a drawing, the XML with the one laid out for it.
 */
export interface ParseAnswer {
  key: string | null;
  problems: DefinitionProblem[];
  warnings: DefinitionProblem[];
  laidOut?: string;
  /** The routines its call activities start; whether they exist is known only to the registry. */
  calls?: CallSite[];
}

export default async function checkUpload({ xml, file, handlerNames, lintRules }: ParseRequest): Promise<ParseAnswer> {
  const { parsed, model, problems, warnings, source } = await checkDefinition(xml, file, new Set(handlerNames), { lint: true, lintRules });
  // How another modeler's spelling was read (a key made from the id, a name taken from it) comes first.
  const spelling = (parsed?.spellingWarnings ?? []).map(({ elementId, message }) => ({ file, elementId, message }));
  return { key: model?.key ?? null, problems, warnings: [...spelling, ...warnings], ...(source !== xml ? { laidOut: source } : {}), calls: model ? callSites(model) : [] };
}
