// Worker thread body: parses and checks one uploaded diagram away from the server's event loop, answers with its problems.
// Uploads are new diagrams, so bpmnlint's recommended rules apply here too. The worker lives on between uploads.
import '../../zod-jitless.js';
import type { DefinitionProblem } from '../../errors.js';
import { checkDefinition } from './compile-definition.js';

/** What the main thread hands over: plain data only, nothing that carries functions. */
export interface ParseRequest {
  xml: string;
  file: string;
  handlerNames: string[];
}

/** What the worker answers: the process id it found (null when unreadable), the problems and bpmnlint's warnings. */
export interface ParseAnswer {
  key: string | null;
  problems: DefinitionProblem[];
  warnings: DefinitionProblem[];
}

export default async function checkUpload({ xml, file, handlerNames }: ParseRequest): Promise<ParseAnswer> {
  const { model, problems, warnings } = await checkDefinition(xml, file, new Set(handlerNames), { lint: true });
  return { key: model?.key ?? null, problems, warnings };
}
