// What a case page shows of call activities: the case that started this one, and the cases it started.
import type { DefinitionRegistry, InstanceIndex, InstanceSummary } from '../engine/index.js';
import { processNames } from './process-names.js';

/** What a case page shows of its calls: the case that started it, and the cases it started. */
export interface CaseCalls {
  calledBy: CaseLink | null;
  children: (CaseLink & { state: InstanceSummary['state'] })[];
}

export interface CaseLink {
  instanceId: string;
  processName: string;
  /** The call activity's name in the caller's diagram. */
  stepName: string;
}

export function createCaseCalls({ index, registry }: { index: InstanceIndex; registry: DefinitionRegistry }) {
  const { modelOf, stepName } = processNames(registry);
  return {
    /** The case that started this one and the cases it started, for its page. */
    caseCalls(instanceId: string): CaseCalls {
      const s = index.get(instanceId);
      const by = s?.calledBy ? index.get(s.calledBy.instanceId) : undefined;
      const calledBy = s?.calledBy && by ? { instanceId: by.id, processName: modelOf(by)?.name ?? by.processKey, stepName: stepName(by, s.calledBy.elementId) } : null;
      const children = [...index.all()]
        .filter((c) => c.calledBy?.instanceId === instanceId)
        .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
        .map((c) => ({ instanceId: c.id, processName: modelOf(c)?.name ?? c.processKey, stepName: s ? stepName(s, c.calledBy!.elementId) : c.calledBy!.elementId, state: c.state }));
      return { calledBy, children };
    },
  };
}
