// The runtime's instances: start one, list and read them, and deliver a message to one.
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors.js';
import { validateSubmission } from '../forms/index.js';
import type { HistoryEntry, InstanceSummary } from '../engine/records/index.js';
import { assertCanStart } from './access.js';
import type { Actor } from '../auth/actor.js';
import type { InstanceFilter, InstanceListItem, InstanceView } from './runtime-api.js';
import { findSummary, type RuntimeParts } from './runtime-parts.js';
import { toInstanceListItem } from './api-shapes.js';

/** Starts the latest version of a process with its validated start form and runs it to its first wait. */
export async function startInstance(parts: RuntimeParts, key: string, input: { businessKey?: string; variables: Record<string, unknown> }, actor: Actor): Promise<{ id: string }> {
  const definition = parts.registry.latest(key);
  if (!definition) throw new AppError('not_found', `Processen ${key} finns inte.`);
  assertCanStart(actor, definition.model.starterGroups);
  const result = validateSubmission(definition.model.startForm, input.variables, 'json');
  if (!result.ok) throw new AppError('validation_failed', undefined, result.errors);
  const summary: InstanceSummary = {
    id: randomUUID(),
    processKey: key,
    version: definition.version.version,
    businessKey: input.businessKey ?? null,
    state: 'running',
    startedAt: parts.clock.now().toISOString(),
    endedAt: null,
    rev: 0,
    variables: result.values,
    active: [],
    tasks: [],
    timers: [],
    bevakningar: [],
    caseEvents: [],
  };
  await parts.transitions.start(summary, actor.username);
  return { id: summary.id };
}

/** Newest first. */
export function listInstances(parts: RuntimeParts, filter: InstanceFilter): InstanceListItem[] {
  return [...parts.index.all()]
    .filter((s) => (!filter.processKey || s.processKey === filter.processKey) && (!filter.state || s.state === filter.state) && (!filter.businessKey || s.businessKey === filter.businessKey))
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.id.localeCompare(b.id))
    .map(toInstanceListItem);
}

export function getInstance(parts: RuntimeParts, id: string): InstanceView {
  const s = findSummary(parts, id);
  return { ...toInstanceListItem(s), variables: s.variables, active: s.active };
}

export async function getHistory(parts: RuntimeParts, id: string): Promise<HistoryEntry[]> {
  findSummary(parts, id);
  return parts.store.instances.history(id);
}

/** Delivers a message by id or name; conflict when the instance does not wait for it now. */
export async function deliverMessage(parts: RuntimeParts, instanceId: string, messageName: string, variables: Record<string, unknown>, actor: Actor): Promise<void> {
  const summary = findSummary(parts, instanceId);
  const model = parts.registry.get(summary.processKey, summary.version)!.model;
  const message = model.messages.get(messageName) ?? [...model.messages.values()].find((m) => m.name === messageName);
  if (!message) throw new AppError('not_found', `Processen känner inte till meddelandet "${messageName}".`);
  await parts.transitions.withEngine(instanceId, actor.username, async (session) => {
    const delivered = await session.deliverMessage(message, variables);
    if (!delivered) throw new AppError('conflict', `Ärendet väntar inte på meddelandet "${message.name}" just nu.`);
  });
}
