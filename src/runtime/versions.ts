// The runtime's reads across versions of one process: what changed from one deployed version to another.
import { AppError } from '../errors.js';
import { parseBpmn } from '../engine/definitions/bpmn-parse.js';
import { diffDefinitions, type DefinitionDiff, type DiagramVersion } from '../engine/definitions/definition-diff.js';
import type { RuntimeParts } from './runtime-parts.js';

/** The diff from version `from` to version `to` of a process; not_found when either version does not exist. */
export async function compareVersions(parts: RuntimeParts, key: string, from: number, to: number): Promise<DefinitionDiff> {
  return diffDefinitions(await readVersion(parts, key, from), await readVersion(parts, key, to));
}

async function readVersion(parts: RuntimeParts, key: string, version: number): Promise<DiagramVersion> {
  const compiled = parts.registry.get(key, version);
  if (!compiled) throw new AppError('not_found', `Processen ${key} finns inte i version ${version}.`);
  // A deployed version passed every check when it was deployed, so it parses again; its model is already read.
  const { definitions } = await parseBpmn(await parts.store.definitions.getSource(key, version));
  return { definitions, model: compiled.model };
}
