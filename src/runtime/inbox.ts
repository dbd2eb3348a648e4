// The runtime's inbox: the bevakningar of the actor's groups, one with its case, and marking one read.
import { AppError } from '../errors.js';
import type { Bevakning } from '../engine/records/index.js';
import type { Actor } from '../auth/actor.js';
import type { BevakningDetail } from './runtime-api.js';
import type { RuntimeParts } from './runtime-parts.js';
import { toInstanceListItem } from './api-shapes.js';

/** The bevakningar of the actor's groups (all of them for an admin), newest first. */
export function listInbox(parts: RuntimeParts, actor: Actor): Bevakning[] {
  const all = actor.roles.includes('admin');
  // Newest first; bevakningar sent in the same step share their time and keep the order they were sent in (reversed).
  return [...parts.index.all()]
    .flatMap((s) => s.bevakningar.map((b, order) => ({ b, order })))
    .filter(({ b }) => all || actor.roles.includes(b.group))
    .sort((x, y) => y.b.createdAt.localeCompare(x.b.createdAt) || x.b.instanceId.localeCompare(y.b.instanceId) || y.order - x.order)
    .map(({ b }) => b);
}

export function getBevakning(parts: RuntimeParts, id: string, actor: Actor): BevakningDetail {
  const { bevakning, summary } = findBevakning(parts, id, actor);
  return { ...bevakning, instance: { ...toInstanceListItem(summary), active: summary.active } };
}

/** The first reader in the group marks it read for the group; later reads change nothing. */
export async function markBevakningRead(parts: RuntimeParts, id: string, actor: Actor): Promise<void> {
  const { bevakning, summary } = findBevakning(parts, id, actor);
  if (bevakning.readAt) return;
  await parts.transitions.withoutEngine(summary.id, (current, nextSeq) => {
    const at = parts.clock.now().toISOString();
    const bevakningar = current.bevakningar.map((b) => (b.id === id && !b.readAt ? { ...b, readAt: at } : b));
    const entry = { seq: nextSeq, at, type: 'bevakning.read', elementId: null, elementName: null, actor: actor.username, data: { bevakningId: id, group: bevakning.group } };
    return { summary: { ...current, bevakningar }, entries: [entry] };
  });
}

function findBevakning(parts: RuntimeParts, id: string, actor: Actor) {
  for (const summary of parts.index.all()) {
    const bevakning = summary.bevakningar.find((b) => b.id === id);
    if (!bevakning) continue;
    // The revisor reads everything; marking it read is refused to them at the door (they change nothing).
    if (!['admin', 'revisor', bevakning.group].some((r) => actor.roles.includes(r))) break;
    return { bevakning, summary };
  }
  throw new AppError('not_found', 'Bevakningen finns inte i din inkorg.');
}
