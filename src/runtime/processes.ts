// Process definitions: list and read them, check and deploy a diagram, read a version's source, compare two versions.
import type { Actor } from '../auth/index.js';
import { type CompiledDefinition, type DefinitionDiff, type DefinitionRegistry, type DiagramVersion, diffDefinitions, type EditedVersion, parseBpmn, processKeyFrom, VersionConflictError } from '../engine/index.js';
import { AppError, DefinitionError, type DefinitionProblem } from '../errors.js';
import { type FormChoices, type FormField, resolveForm } from '../forms/index.js';

export interface ProcessListItem {
  key: string;
  name: string;
  version: number;
  deployedAt: string;
}

export interface ProcessDetail extends ProcessListItem {
  versions: { version: number; deployedAt: string; deployedBy: string }[];
  startForm: FormField[];
  /** Roles that may start it (`camunda:candidateStarterGroups`); empty = any user. */
  starterGroups: string[];
}

/** One finding of a diagram check; `elementId` is null when it concerns the whole file. */
export interface CheckFinding {
  elementId: string | null;
  message: string;
}

export interface DefinitionCheckResult {
  /** The process id found in the file, null when it could not be read. */
  key: string | null;
  problems: CheckFinding[];
  warnings: CheckFinding[];
}

/** How an uploaded diagram is named in its problems (it has no file name of its own). */
const uploadedFile = 'uppladdad fil';

export function createProcessService({ registry, choices }: { registry: DefinitionRegistry; choices: FormChoices }) {
  /** A deployed version's diagram, parsed again for a diff; not_found when there is no such version. */
  async function readVersion(key: string, version: number): Promise<DiagramVersion> {
    const compiled = registry.get(key, version);
    if (!compiled) throw new AppError('not_found', `Processen ${key} finns inte i version ${version}.`);
    // A deployed version passed every check when it was deployed, so it parses again; its model is already read.
    const { definitions } = await parseBpmn(await registry.source(key, version));
    return { definitions, model: compiled.model };
  }

  return {
    /**
     * The key a new routine named `name` gets: the rule that makes a key of another modeler's process id, from the
     * name's first letter ("3 veckor – LSS" → veckor-lss), at most 60 characters.
     */
    routineKeyFor(name: string): string {
      return processKeyFrom(name.replace(/^[^\p{L}]+/u, '')).slice(0, 60).replace(/-+$/, '');
    },

    /** The latest version of every deployed process. */
    listProcesses(): ProcessListItem[] {
      return registry.keys().map((key) => toProcessListItem(registry.latest(key)!));
    },

    getProcess(key: string): ProcessDetail {
      const versions = registry.versions(key);
      if (!versions.length) throw new AppError('not_found', `Processen ${key} finns inte.`);
      const latest = versions.at(-1)!;
      return {
        ...toProcessListItem(latest),
        versions: versions.map((d) => ({ version: d.version.version, deployedAt: d.version.deployedAt, deployedBy: d.version.deployedBy })),
        // Reference fields list the registers' choices now, date fields their limits today.
        startForm: [...resolveForm(latest.model.startForm, choices)],
        starterGroups: latest.model.starterGroups,
      };
    },

    /**
     * Deploys a diagram as a new version, with the findings that did not stop it (`warnings`: lint's advice, a drawing
     * made); a bad one becomes invalid_definition with a field per problem. Publishing
     * from the editor names the routine (`key`: the diagram must keep that process id) and the version it started
     * from (`baseVersion`: conflict when a newer one was published meanwhile).
     */
    async deploy(xml: string, actor: Actor, editing?: EditedVersion): Promise<{ key: string; version: number; warnings: CheckFinding[] }> {
      try {
        const { version, warnings } = await registry.deploy(xml, uploadedFile, actor.username, editing);
        return { key: version.key, version: version.version, warnings: warnings.map(toFinding) };
      } catch (err) {
        if (err instanceof VersionConflictError) throw new AppError('conflict', conflictMessage(err, editing?.baseVersion));
        if (!(err instanceof DefinitionError)) throw err;
        const fields = err.problems.map((p) => ({ field: p.elementId ?? '', message: p.message }));
        throw new AppError('invalid_definition', `Diagrammet kan inte driftsättas: ${err.problems.length} fel. Tidigare version gäller fortfarande.`, fields);
      }
    },

    /** Every check a publish runs, without publishing: problems stop a publish, warnings (lint's advice, a drawing made) do not. */
    async checkDefinition(xml: string, expectedKey?: string): Promise<DefinitionCheckResult> {
      try {
        const { key, problems, warnings } = await registry.check(xml, uploadedFile, expectedKey);
        return { key, problems: problems.map(toFinding), warnings: warnings.map(toFinding) };
      } catch (err) {
        // A file that cannot be read at all is one problem, like any other.
        if (!(err instanceof DefinitionError)) throw err;
        return { key: null, problems: err.problems.map(toFinding), warnings: [] };
      }
    },

    /** The BPMN source of one deployed version of a process; not_found when there is no such version. */
    async getDefinitionSource(key: string, version: number): Promise<string> {
      if (!registry.get(key, version)) throw new AppError('not_found', `Processen ${key} finns inte i version ${version}.`);
      return registry.source(key, version);
    },

    /** What changed from version `from` to version `to` of a process; not_found when either version does not exist. */
    async compareVersions(key: string, from: number, to: number): Promise<DefinitionDiff> {
      return diffDefinitions(await readVersion(key, from), await readVersion(key, to));
    },
  };
}

export type ProcessService = ReturnType<typeof createProcessService>;

function toProcessListItem(d: CompiledDefinition): ProcessListItem {
  return { key: d.version.key, name: d.version.name, version: d.version.version, deployedAt: d.version.deployedAt };
}

function conflictMessage({ newest }: VersionConflictError, base: number | undefined): string {
  if (base === 0) return `Det finns redan en rutin med id ${newest.key} (publicerad av ${newest.deployedBy}). Ladda ner ditt utkast och ge rutinen ett annat namn.`;
  if (base === undefined || base > newest.version) return `Versionen du utgick från finns inte; den senaste är version ${newest.version}. Ladda ner ditt utkast och öppna redigeraren på nytt.`;
  return `${newest.deployedBy} publicerade version ${newest.version} efter att du öppnade version ${base}. Ladda ner ditt utkast, öppna redigeraren på nytt och för över dina ändringar.`;
}

function toFinding(problem: DefinitionProblem): CheckFinding {
  return { elementId: problem.elementId, message: problem.message };
}
