// What the call activities' pages and history name a case and a step by: its version's model, the step's name.
import type { DefinitionRegistry, InstanceSummary } from '../engine/index.js';

export function processNames(registry: DefinitionRegistry) {
  const modelOf = (s: InstanceSummary) => registry.get(s.processKey, s.version)?.model;
  /** The step's name in the case's own version, or its id when it has none. */
  const stepName = (s: InstanceSummary, elementId: string) => modelOf(s)?.elements.get(elementId)?.name ?? elementId;
  return { modelOf, stepName };
}
