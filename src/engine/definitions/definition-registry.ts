// Every deployed version of every process, compiled once; a new version only when the content hash differs.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Mutex, Semaphore } from 'async-mutex';
import { DefinitionError, type DefinitionProblem } from '../../errors.js';
import type { ServiceHandler } from '../../handlers/index.js';
import type { DefinitionRepository, DefinitionVersion } from '../records/index.js';
import type { Clock } from '../../timers/index.js';
import { compileDefinition } from './compile-definition.js';
import { checkDefinitionOffThread, defaultParseLimits } from './parse-off-thread.js';
import { readLintRules, type LintRules } from './lint-config.js';
import { defaultLintRules } from './lint-rules.js';
import type { ParseAnswer } from './parse-worker.js';
import type { CompiledDefinition } from './process-model.js';
import { calledRoutineProblems, callSites } from './check-called-routines.js';

/** A publish from the editor started from an older version than the newest one. */
/** The routine and version a diagram was edited from: publishing keeps its process id and refuses a stale base. */
export interface EditedVersion {
  key: string;
  baseVersion?: number;
}

export class VersionConflictError extends Error {
  constructor(readonly newest: DefinitionVersion) {
    super(`version ${newest.version} of ${newest.key} is newer than the one edited`);
    this.name = 'VersionConflictError';
  }
}

export class DefinitionRegistry {
  private readonly byKey = new Map<string, CompiledDefinition[]>();
  /** Two uploads at once must not both take the next version number. */
  private readonly deploying = new Mutex();
  /** An open editor checks on every pause; a few workers at a time, each up to its memory cap, is plenty. */
  private readonly checking = new Semaphore(2);
  /** The lint rules for new diagrams: `.bpmnlintrc` in the processes directory, read by `deployDirectory`. */
  private lintRules: LintRules = { ...defaultLintRules };
  /** Versions another server stored that this one could not compile (`learnStored`). */
  private readonly unreadable = new Set<string>();

  constructor(
    private readonly repository: DefinitionRepository,
    private readonly handlers: ReadonlyMap<string, ServiceHandler<unknown>>,
    private readonly clock: Clock,
  ) {}

  /** Compiles every stored version (running instances need theirs); a version that no longer passes stops the boot. */
  async loadStored(): Promise<void> {
    await this.compileStored((_, err) => {
      throw err;
    });
  }

  /**
   * A shared store: the versions other servers stored since, compiled here. One this server cannot compile (a newer
   * release's diagram during a rolling upgrade) is answered, not thrown, and not tried again: the rest are learned,
   * and only cases on that version cannot be stepped here.
   */
  async learnStored(): Promise<{ key: string; version: number; problem: string }[]> {
    const refused: { key: string; version: number; problem: string }[] = [];
    await this.compileStored((version, err) => {
      this.unreadable.add(`${version.key}@${version.version}`);
      refused.push({ key: version.key, version: version.version, problem: err instanceof DefinitionError ? err.message : (err as Error).name });
    });
    return refused;
  }

  /** Compiles the stored versions not yet known here (learned already: a shared store's catch-up); `refuse` the rest. */
  private async compileStored(refuse: (version: DefinitionVersion, err: unknown) => void): Promise<void> {
    for (const version of await this.repository.list()) {
      if (this.get(version.key, version.version) || this.unreadable.has(`${version.key}@${version.version}`)) continue;
      try {
        const source = await this.repository.getSource(version.key, version.version);
        this.remember({ version, ...(await compileDefinition(source, `${version.key} v${version.version}`, this.handlers)) });
      } catch (err) {
        refuse(version, err);
      }
    }
  }

  /**
   * Reads the directory's `.bpmnlintrc` (the organisation's lint rules, for these files and every upload after), checks
   * every `*.bpmn` in it (all problems at once), then deploys the changed ones; answers the style findings (warnings).
   */
  async deployDirectory(dir: string): Promise<DefinitionProblem[]> {
    this.lintRules = await readLintRules(dir);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.bpmn')).sort();
    const problems: DefinitionProblem[] = [];
    const ready: { xml: string; key: string; file: string; model: CompiledDefinition['model'] }[] = [];
    const advice: DefinitionProblem[] = [];
    for (const file of files) {
      const xml = await readFile(path.join(dir, file), 'utf8');
      try {
        const { model, source, warnings } = await compileDefinition(xml, file, this.handlers, { lint: true, lintRules: this.lintRules });
        advice.push(...warnings);
        const expected = path.basename(file, '.bpmn');
        if (model.key !== expected) problems.push({ file, elementId: model.key, message: `Filnamnet måste vara processens id: ${model.key}.bpmn.` });
        else ready.push({ xml: source, key: model.key, file, model });
      } catch (err) {
        if (err instanceof DefinitionError) problems.push(...err.problems);
        else throw err;
      }
    }
    // The directory's routines may call each other (intern-placering calls extern-placering): checked as one set.
    // Only when every file could be read: a call to a file refused for another reason would be one problem too many.
    const routines = this.calledKeys(new Map(ready.map((r) => [r.key, callSites(r.model).map((c) => c.calledKey)])));
    if (!problems.length) for (const r of ready) problems.push(...calledRoutineProblems(r.file, r.key, callSites(r.model), routines));
    if (problems.length) throw new DefinitionError(problems);
    // A file whose content some version already has is not deployed again: after a publish in the editor (or by
    // another server on a shared store) the directory's older file must not replace it at the next start.
    const known = (key: string, xml: string) => this.versions(key).some((d) => d.version.hash === contentHash(xml));
    for (const { xml, key, file } of ready) await this.deploying.runExclusive(async () => void (known(key, xml) || (await this.deployUnlocked(xml, file, 'system'))));
    return advice;
  }

  /**
   * Checks an uploaded diagram in a worker thread, so a huge or hostile file never stalls the server. With
   * `expectedKey` (the editor publishing a routine) the process id must stay that routine's id.
   */
  async check(xml: string, file: string, expectedKey?: string): Promise<ParseAnswer> {
    const answer = await this.checking.runExclusive(() => checkDefinitionOffThread(xml, file, this.handlers.keys(), defaultParseLimits, this.lintRules));
    if (expectedKey !== undefined && answer.key !== null && answer.key !== expectedKey) {
      answer.problems.push({ file, elementId: answer.key, message: `Processens id måste vara ${expectedKey}, rutinens id; ett nytt id skulle bli en ny rutin.` });
    }
    if (answer.key !== null && answer.calls?.length) answer.problems.push(...calledRoutineProblems(file, answer.key, answer.calls, this.calledKeys(new Map())));
    return answer;
  }

  /**
   * Deploys one uploaded diagram once it passes `check`, with the check's warnings; the same content as the newest
   * version deploys nothing. A diagram without a drawing is stored with the one laid out for it. From the editor, `editing` names the routine and the version it started from; the version is compared under the
   * deploy lock, so two owners publishing on top of the same version cannot both succeed.
   */
  async deploy(xml: string, file: string, deployedBy: string, editing?: EditedVersion): Promise<CompiledDefinition & { warnings: DefinitionProblem[] }> {
    const { problems, warnings, laidOut, key, calls } = await this.check(xml, file, editing?.key);
    if (problems.length) throw new DefinitionError(problems);
    const deployed = await this.deploying.runExclusive(() => {
      const newest = editing ? this.latest(editing.key) : undefined;
      if (newest && editing?.baseVersion !== undefined && newest.version.version !== editing.baseVersion) throw new VersionConflictError(newest.version);
      // The calls again, against the routines as they stand under the lock: two routines published at the same moment,
      // each now calling the other, would each have passed the check against the other's older version.
      const callProblems = key !== null && calls?.length ? calledRoutineProblems(file, key, calls, this.calledKeys(new Map())) : [];
      if (callProblems.length) throw new DefinitionError(callProblems);
      return this.deployUnlocked(laidOut ?? xml, file, deployedBy);
    });
    return { ...deployed, warnings };
  }

  private async deployUnlocked(xml: string, file: string, deployedBy: string): Promise<CompiledDefinition> {
    const compiled = await compileDefinition(xml, file, this.handlers);
    const hash = contentHash(xml);
    const key = compiled.model.key;
    const latest = this.latest(key);
    if (latest?.version.hash === hash) return latest;
    const version = {
      key,
      version: (latest?.version.version ?? 0) + 1,
      name: compiled.model.name,
      hash,
      deployedAt: this.clock.now().toISOString(),
      deployedBy,
    };
    try {
      await this.repository.add(version, xml);
    } catch (err) {
      // A shared store: another server deployed this version a moment ago. Learn it; at boot deploy on top of it (or
      // find this very content is now the newest), from a person say that somebody else published first.
      await this.loadStored();
      if (!this.get(key, version.version)) throw err;
      if (deployedBy !== 'system') throw new VersionConflictError(this.latest(key)!.version);
      return this.deployUnlocked(xml, file, deployedBy);
    }
    const definition = { version, ...compiled };
    this.remember(definition);
    return definition;
  }

  latest(key: string): CompiledDefinition | undefined {
    return this.byKey.get(key)?.at(-1);
  }

  get(key: string, version: number): CompiledDefinition | undefined {
    return this.byKey.get(key)?.find((d) => d.version.version === version);
  }

  versions(key: string): CompiledDefinition[] {
    return this.byKey.get(key) ?? [];
  }

  /** Every published routine's key and the keys its newest version calls, with `replacing` in place of theirs. */
  private calledKeys(replacing: ReadonlyMap<string, string[]>): Map<string, string[]> {
    const routines = new Map([...this.byKey.keys()].map((key) => [key, callSites(this.latest(key)!.model).map((c) => c.calledKey)]));
    for (const [key, calls] of replacing) routines.set(key, calls);
    return routines;
  }

  keys(): string[] {
    return [...this.byKey.keys()].sort();
  }

  /** The BPMN source of a deployed version, as stored. */
  source(key: string, version: number): Promise<string> {
    return this.repository.getSource(key, version);
  }

  private remember(definition: CompiledDefinition): void {
    const list = this.byKey.get(definition.version.key) ?? [];
    // Learned once: a shared store's catch-up and a deploy's retry may both load the same stored version.
    if (list.some((known) => known.version.version === definition.version.version)) return;
    list.push(definition);
    list.sort((a, b) => a.version.version - b.version.version);
    this.byKey.set(definition.version.key, list);
  }
}

function contentHash(xml: string): string {
  return createHash('sha256').update(xml).digest('hex');
}
