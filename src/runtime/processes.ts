// The runtime's process definitions: list, detail, deploy an uploaded diagram and read a version's source.
import { AppError, DefinitionError, type DefinitionProblem } from '../errors.js';
import { VersionConflictError } from '../engine/definitions/definition-registry.js';
import type { Actor } from '../auth/actor.js';
import type { CheckFinding, DefinitionCheckResult, ProcessDetail, ProcessListItem } from './runtime-api.js';
import type { EditedVersion } from '../engine/definitions/definition-registry.js';
import type { RuntimeParts } from './runtime-parts.js';
import { toProcessDetail, toProcessListItem } from './api-shapes.js';

/** How an uploaded diagram is named in its problems (it has no file name of its own). */
const uploadedFile = 'uppladdad fil';

/** The latest version of every deployed process. */
export function listProcesses(parts: RuntimeParts): ProcessListItem[] {
  return parts.registry.keys().map((key) => toProcessListItem(parts.registry.latest(key)!));
}

export function getProcess(parts: RuntimeParts, key: string): ProcessDetail {
  const versions = parts.registry.versions(key);
  if (!versions.length) throw new AppError('not_found', `Processen ${key} finns inte.`);
  return toProcessDetail(versions);
}

/** Deploys an uploaded diagram as a new version; a bad one becomes invalid_definition with a field per problem. */
export async function deploy(parts: RuntimeParts, xml: string, actor: Actor, editing?: EditedVersion): Promise<{ key: string; version: number }> {
  try {
    const { version } = await parts.registry.deploy(xml, uploadedFile, actor.username, editing);
    return { key: version.key, version: version.version };
  } catch (err) {
    if (err instanceof VersionConflictError) throw new AppError('conflict', conflictMessage(err, editing?.baseVersion));
    if (!(err instanceof DefinitionError)) throw err;
    const fields = err.problems.map((p) => ({ field: p.elementId ?? '', message: p.message }));
    throw new AppError('invalid_definition', `Diagrammet kan inte driftsättas: ${err.problems.length} fel. Tidigare version gäller fortfarande.`, fields);
  }
}

function conflictMessage({ newest }: VersionConflictError, base: number | undefined): string {
  if (base === undefined || base > newest.version) return `Versionen du utgick från finns inte; den senaste är version ${newest.version}. Ladda ner ditt utkast och öppna redigeraren på nytt.`;
  return `${newest.deployedBy} publicerade version ${newest.version} efter att du öppnade version ${base}. Ladda ner ditt utkast, öppna redigeraren på nytt och för över dina ändringar.`;
}

/** The checks of a publish on a draft; a file that cannot be read at all is one problem, like any other. */
export async function checkDefinition(parts: RuntimeParts, xml: string, expectedKey?: string): Promise<DefinitionCheckResult> {
  try {
    const { key, problems, warnings } = await parts.registry.check(xml, uploadedFile, expectedKey);
    return { key, problems: problems.map(toFinding), warnings: warnings.map(toFinding) };
  } catch (err) {
    if (!(err instanceof DefinitionError)) throw err;
    return { key: null, problems: err.problems.map(toFinding), warnings: [] };
  }
}

function toFinding(problem: DefinitionProblem): CheckFinding {
  return { elementId: problem.elementId, message: problem.message };
}

export async function getDefinitionSource(parts: RuntimeParts, key: string, version: number): Promise<string> {
  if (!parts.registry.get(key, version)) throw new AppError('not_found', `Processen ${key} finns inte i version ${version}.`);
  return parts.store.definitions.getSource(key, version);
}
