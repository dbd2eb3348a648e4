// The organisation's lint rules: processes/.bpmnlintrc in bpmnlint's own format, read and checked when the app starts.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import { DefinitionError } from '../../errors.js';
import { defaultLintRules, lintRules } from './lint-rules.js';

const require = createRequire(import.meta.url);
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new () => LintResolver;

/** A rule's level as bpmnlint writes it: a word or a number, alone or with the rule's options. */
type RuleLevel = string | number;
export type LintRuleValue = RuleLevel | [RuleLevel, unknown];
/** Rule name → level: the whole configuration, `extends` already resolved, so it crosses to a worker as plain data. */
export type LintRules = Record<string, LintRuleValue>;

export interface LintResolver {
  resolveRule(pkg: string, name: string): unknown;
  resolveConfig(pkg: string, name: string): unknown;
}

export const lintConfigFile = '.bpmnlintrc';

/**
 * bpmnlint's own rules and configurations only: a `.bpmnlintrc` names no plugin package, so reading it never loads
 * any other code.
 */
export function bpmnlintOnlyResolver(): LintResolver {
  const node = new NodeResolver();
  const own = (pkg: string, name: string) => {
    if (pkg !== 'bpmnlint' || !/^[a-z][a-z-]*$/.test(name)) throw new Error(`<${pkg}/${name}> är inte en av bpmnlints egna`);
  };
  return {
    resolveRule: (pkg, name) => (own(pkg, name), node.resolveRule(pkg, name)),
    resolveConfig: (pkg, name) => (own(pkg, name), node.resolveConfig(pkg, name)),
  };
}

const levels: Record<string, 'off' | 'warn' | 'error' | 'info'> = { off: 'off', warn: 'warn', error: 'error', info: 'info', 0: 'off', 1: 'warn', 2: 'error', 3: 'info' };
const LevelSchema = z.union([z.string(), z.number()]).refine((v) => String(v).toLowerCase() in levels, 'nivån måste vara off, info, warn eller error');
const RcSchema = z.strictObject({
  extends: z.union([z.string(), z.array(z.string())]).optional(),
  rules: z.record(z.string(), z.union([LevelSchema, z.tuple([LevelSchema, z.unknown()])])).default({}),
});

/** A rule's level as one of bpmnlint's four words. */
export function levelOf(value: LintRuleValue): 'off' | 'warn' | 'error' | 'info' {
  const level = Array.isArray(value) ? value[0] : value;
  return levels[String(level).toLowerCase()] ?? 'error';
}

/**
 * The rules that apply to new diagrams: `dir/.bpmnlintrc` when there is one, otherwise our defaults (`lint-rules.ts`).
 * The rules about how a diagram runs are errors in any case. A file that does not parse, names an unknown configuration
 * or rule, or loosens a rule about how a diagram runs stops the start with a DefinitionError naming the file.
 */
export async function readLintRules(dir: string, resolver: LintResolver = bpmnlintOnlyResolver()): Promise<LintRules> {
  let text: string;
  try {
    text = await readFile(path.join(dir, lintConfigFile), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ...defaultLintRules };
    throw err;
  }
  const refuse = (message: string) => new DefinitionError([{ file: lintConfigFile, elementId: null, message }]);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw refuse(`Filen är inte giltig JSON: ${(err as Error).message}`);
  }
  const parsed = RcSchema.safeParse(json);
  if (!parsed.success) {
    throw refuse(`Filen följer inte bpmnlints format ({"extends": "bpmnlint:recommended", "rules": {"regel": "warn"}}): ${parsed.error.issues.map((i) => `${i.path.join('.') || 'filen'}: ${i.message}`).join('; ')}`);
  }
  // The rules about how a diagram runs apply whatever the file says; it may only fail to loosen them.
  const rules: LintRules = Object.fromEntries(Object.entries(lintRules).filter(([, rule]) => rule.refuses).map(([name]) => [name, 'error']));
  for (const name of [parsed.data.extends ?? []].flat()) {
    const match = /^bpmnlint:([a-z-]+)$/.exec(name);
    const config = match ? tryResolve(() => resolver.resolveConfig('bpmnlint', match[1]!)) : null;
    if (!config) throw refuse(`"extends": "${name}" finns inte; skriv "bpmnlint:recommended" (andra paket läses inte).`);
    Object.assign(rules, (config as { rules?: LintRules }).rules ?? {});
  }
  Object.assign(rules, parsed.data.rules);
  const problems: string[] = [];
  for (const [name, value] of Object.entries(rules)) {
    const policy = lintRules[name];
    if (policy?.refuses && levelOf(value) !== 'error') problems.push(`Regeln ${name} kan inte sättas till "${levelOf(value)}": den gäller hur diagrammet körs (${policy.why}).`);
    else if (!tryResolve(() => resolver.resolveRule('bpmnlint', name))) problems.push(`Regeln ${name} finns inte i bpmnlint.`);
  }
  if (problems.length) throw new DefinitionError(problems.map((message) => ({ file: lintConfigFile, elementId: null, message })));
  return rules;
}

function tryResolve(resolve: () => unknown): unknown {
  try {
    return resolve();
  } catch {
    return null;
  }
}
