// Gallring as the runtime serves it: the ended cases whose retention has run out, and the run that culls them.
import type { Actor } from '../auth/index.js';
import type { DefinitionRegistry, InstanceIndex, InstanceSummary, InstanceTransitions } from '../engine/index.js';
import { AppError } from '../errors.js';
import { birthDayOf, casesDueForGallring, culledSummary, type DueCase, type GallringConfig } from '../gallring/index.js';
import type { HandlerLogger } from '../handlers/index.js';
import type { HousingRegister } from '../housing/index.js';
import type { JournalRepository } from '../store/index.js';
import { type Clock, stockholmDay } from '../timers/index.js';

export interface GallringServiceDeps {
  index: InstanceIndex;
  registry: DefinitionRegistry;
  transitions: InstanceTransitions;
  housing: HousingRegister;
  /** Each run, without personal data. */
  log: JournalRepository;
  /** config/gallring.json; without it nothing is culled. */
  config: GallringConfig | null;
  clock: Clock;
  logger: HandlerLogger;
}

/** One case a run culled or would cull, and the rule it falls under (its id in config/gallring.json). */
export type GallringCase = DueCase & { ruleLabel: string };

/** A run as the log keeps it. */
export interface GallringRun {
  at: string;
  by: string;
  cases: { instanceId: string; processKey: string; rule: string }[];
}

export function createGallringService({ index, registry, transitions, housing, log, config, clock, logger }: GallringServiceDeps) {
  const withConfig = (): GallringConfig => {
    if (!config) throw new AppError('conflict', 'Ingen gallringskonfiguration är inläst (config/gallring.json).');
    return config;
  };

  const dueNow = (): GallringCase[] => {
    const rules = withConfig();
    const cases = [...index.all()].map((summary) => ({ summary, law: lawOf(summary), birthDay: birthDayIn(summary) }));
    const labels = new Map(rules.rules.map((r) => [r.id, r.label]));
    return casesDueForGallring(cases, rules, stockholmDay(clock.now())).map((c) => ({ ...c, ruleLabel: labels.get(c.rule) ?? c.rule }));
  };

  const lawOf = (summary: InstanceSummary): 'LSS' | 'SoL' | null => {
    const law = summary.decision?.law ?? registry.get(summary.processKey, summary.version)?.model.properties.lag;
    return law === 'LSS' || law === 'SoL' ? law : null;
  };

  /** A personnummer field of the case's forms that holds one tells the birthday; the routines mostly hold none. */
  const birthDayIn = (summary: InstanceSummary): number | null => {
    const model = registry.get(summary.processKey, summary.version)?.model;
    if (!model) return null;
    const fields = [...model.startForm, ...[...model.userTasks.values()].flatMap((t) => t.form), ...[...model.messages.values()].flatMap((m) => m.variables)];
    for (const field of fields) {
      const day = field.type === 'personnummer' ? birthDayOf(summary.variables[field.id]) : null;
      if (day !== null) return day;
    }
    return null;
  };

  return {
    /** The ended cases whose retention has run out today, oldest last entry first; nothing changes. */
    gallringPreview(): GallringCase[] {
      return dueNow();
    },

    /**
     * Culls every case due now (of `only`, when given): each becomes its de-identified stub with a `case.culled` entry, then the register's
     * names of every culled case go (those of an earlier run that stopped half-way too), and the run is logged.
     */
    async runGallring(actor: Actor, { only }: { only?: ReadonlySet<string> } = {}): Promise<GallringCase[]> {
      // `only`: the cases a person saw in the preview; one that fell due since then waits for the next run.
      const due = dueNow().filter((c) => !only || only.has(c.instanceId));
      const at = clock.now().toISOString();
      const done: GallringCase[] = [];
      for (const c of due) {
        const culled = await transitions.cull(c.instanceId, (summary, seq) => ({
          summary: culledSummary(summary, { at, by: actor.username, rule: c.rule }),
          entry: { seq, at, type: 'case.culled', elementId: null, elementName: null, actor: actor.username, data: { rule: c.rule } },
        }));
        if (culled) done.push(c);
      }
      await housing.forget(new Set([...index.all()].filter((s) => s.culled).map((s) => s.id)));
      const run: GallringRun = { at, by: actor.username, cases: done.map(({ instanceId, processKey, rule }) => ({ instanceId, processKey, rule })) };
      await log.append([run]);
      logger.info({ culled: done.length, by: actor.username }, 'gallring run');
      return done;
    },

    /** When and under which rule the case was culled (the rule's label), or null when it was not. */
    culledMark(instanceId: string): { at: string; by: string; rule: string } | null {
      const mark = index.get(instanceId)?.culled;
      if (!mark) return null;
      return { ...mark, rule: config?.rules.find((r) => r.id === mark.rule)?.label ?? mark.rule };
    },

    /** The runs so far, newest first. */
    async gallringRuns(): Promise<GallringRun[]> {
      return ((await log.readAll()) as GallringRun[]).reverse();
    },
  };
}
