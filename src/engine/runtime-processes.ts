// The runtime's process definitions: list, detail, deploy an uploaded diagram and read a version's source.
import { AppError, DefinitionError } from '../errors.js';
import type { Actor, ProcessDetail, ProcessListItem } from './runtime-api.js';
import type { RuntimeParts } from './runtime-parts.js';
import { toProcessDetail, toProcessListItem } from './views.js';

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
export async function deploy(parts: RuntimeParts, xml: string, actor: Actor): Promise<{ key: string; version: number }> {
  try {
    const { version } = await parts.registry.deploy(xml, 'uppladdad fil', actor.username);
    return { key: version.key, version: version.version };
  } catch (err) {
    if (!(err instanceof DefinitionError)) throw err;
    const fields = err.problems.map((p) => ({ field: p.elementId ?? '', message: p.message }));
    throw new AppError('invalid_definition', `Diagrammet kan inte driftsättas: ${err.problems.length} fel. Tidigare version gäller fortfarande.`, fields);
  }
}

export async function getDefinitionSource(parts: RuntimeParts, key: string, version: number): Promise<string> {
  if (!parts.registry.get(key, version)) throw new AppError('not_found', `Processen ${key} finns inte i version ${version}.`);
  return parts.store.definitions.getSource(key, version);
}
