// The inbox: the bevakningar of the actor's groups, one with its case, and marking one read.
import { permissions, type Actor } from '../auth/index.js';
import type { Bevakning, InstanceIndex, InstanceTransitions } from '../engine/index.js';
import { AppError } from '../errors.js';
import type { Clock } from '../timers/index.js';
import { type InstanceListItem, toInstanceListItem } from './instances.js';

export interface BevakningDetail extends Bevakning {
  instance: InstanceListItem & { active: { elementId: string; name: string }[] };
}

export interface InboxServiceDeps {
  index: InstanceIndex;
  transitions: InstanceTransitions;
  clock: Clock;
}

export function createInboxService({ index, transitions, clock }: InboxServiceDeps) {
  function findBevakning(id: string, actor: Actor) {
    for (const summary of index.all()) {
      const bevakning = summary.bevakningar.find((b) => b.id === id);
      if (!bevakning) continue;
      // The revisor reads everything; marking it read is refused to them at the door (they change nothing).
      if (!permissions.readBevakning(actor, bevakning)) break;
      return { bevakning, summary };
    }
    throw new AppError('not_found', 'Bevakningen finns inte i din inkorg.');
  }

  return {
    /** The bevakningar of the actor's groups (all of them for an admin), newest first. */
    listInbox(actor: Actor): Bevakning[] {
      // Newest first; bevakningar sent in the same step share their time and keep the order they were sent in (reversed).
      return [...index.all()]
        .flatMap((s) => s.bevakningar.map((b, order) => ({ b, order })))
        .filter(({ b }) => permissions.receiveBevakning(actor, b))
        .sort((x, y) => y.b.createdAt.localeCompare(x.b.createdAt) || x.b.instanceId.localeCompare(y.b.instanceId) || y.order - x.order)
        .map(({ b }) => b);
    },

    /** One bevakning of the caller's groups with the instance it concerns; not_found otherwise. */
    getBevakning(id: string, actor: Actor): BevakningDetail {
      const { bevakning, summary } = findBevakning(id, actor);
      return { ...bevakning, instance: { ...toInstanceListItem(summary), active: summary.active } };
    },

    /** The first reader in the group marks it read for the group; later reads change nothing. */
    async markBevakningRead(id: string, actor: Actor): Promise<void> {
      const { bevakning, summary } = findBevakning(id, actor);
      // The auditor reads every bevakning but marks none read: "N olästa" is the recipients' count.
      if (!permissions.receiveBevakning(actor, bevakning)) throw new AppError('forbidden', 'Revisorer kan läsa men inte ändra något.');
      if (bevakning.readAt) return;
      await transitions.withoutEngine(summary.id, (current, nextSeq) => {
        const at = clock.now().toISOString();
        const bevakningar = current.bevakningar.map((b) => (b.id === id && !b.readAt ? { ...b, readAt: at } : b));
        const entry = { seq: nextSeq, at, type: 'bevakning.read', elementId: null, elementName: null, actor: actor.username, data: { bevakningId: id, group: bevakning.group } };
        return { summary: { ...current, bevakningar }, entries: [entry] };
      });
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
