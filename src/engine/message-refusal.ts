// Whether a case may take a BPMN message from another case now, and if not, why in words the sender's user reads.
import type { DefinitionRegistry } from './definitions/definition-registry.js';
import { waitsForMessage } from './definitions/process-model.js';
import type { InstanceIndex } from './instance-index.js';

/** Why case `to` cannot take `message` from case `from` now; null when it waits for it and nothing else is on its way. */
export function refuseMessage(deps: { index: InstanceIndex; registry: DefinitionRegistry }, from: string, to: string, message: string): string | null {
  const target = deps.index.get(to);
  if (!target || to === from) return 'Det mottagande ärendet finns inte.';
  if (target.state !== 'running') return 'Det mottagande ärendet är avslutat.';
  const model = deps.registry.get(target.processKey, target.version)?.model;
  const declared = model?.messages.get(message);
  if (!model || !declared) return `Det mottagande ärendets process känner inte till meddelandet "${message}".`;
  if (!waitsForMessage(model, target.active, message)) return `Det mottagande ärendet väntar inte på "${declared.name}" just nu.`;
  // Two vacancies offering to the same person at once: the first one's message is on its way, the second is refused.
  for (const other of deps.index.all()) {
    if (other.outbox?.some((m) => m.to === to && m.message === message)) return `Det mottagande ärendet har redan fått "${declared.name}" från ett annat ärende.`;
  }
  return null;
}
