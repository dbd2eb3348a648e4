// What the whole-flow tests of every process share: users by role, a harness per test, tasks, a case's inbox, the register.
import { readFile } from 'node:fs/promises';
import { afterEach } from 'vitest';
import type { Actor } from '../../src/auth/actor.js';
import type { RuntimeApi } from '../../src/runtime/index.js';
import type { Apartment } from '../../src/housing/housing-model.js';
import type { Bevakning } from '../../src/engine/records/index.js';
import { startHarness, type Harness, type HarnessOptions } from './runtime-harness.js';

/** A user with one role, named after it. */
export const who = (role: string): Actor => ({ username: role, roles: [role] });

/** The admin, who sees every task and every bevakning. */
export const admin = who('admin');

/** The runtime of the test that is running; `useHarness` closes it after each test. */
export interface HarnessSlot {
  /** Starts a fresh runtime for this test (see `startHarness`), closing one the test started before. */
  start(options: HarnessOptions): Promise<RuntimeApi>;
}

/** Registers an `afterEach` that closes the test's runtime and removes its directories; call once per test file. */
export function useHarness(): HarnessSlot {
  let current: Harness | null = null;
  afterEach(async () => {
    await current?.close();
    current = null;
  });
  return {
    async start(options) {
      await current?.close();
      current = await startHarness(options);
      return current.runtime;
    },
  };
}

/** The real diagram `processes/<key>.bpmn` as a harness process entry. */
export async function realDiagram(key: string): Promise<[string, string]> {
  const file = `${key}.bpmn`;
  return [file, await readFile(new URL(`../../processes/${file}`, import.meta.url), 'utf8')];
}

/** Element ids of the instance's open tasks that `actor` sees (all of them for admin), sorted. */
export function openTasks(rt: RuntimeApi, instanceId: string, actor: Actor = admin): string[] {
  return rt.listTasks({ instanceId }, actor).map((t) => t.elementId).sort();
}

/** Completes the open task `elementId` as `actor`; throws naming the element and the open tasks when it has none. */
export async function completeTask(rt: RuntimeApi, instanceId: string, elementId: string, values: Record<string, unknown>, actor: Actor): Promise<void> {
  const task = rt.listTasks({ instanceId }, actor).find((t) => t.elementId === elementId);
  if (!task) throw new Error(`${elementId} is not open for ${actor.username}: ${openTasks(rt, instanceId).join(', ') || 'no open tasks'}`);
  await rt.completeTask(task.id, values, actor);
}

/**
 * What a person picks in a reference field (a place in the queue, a user, an apartment): the id of the one choice
 * whose text starts with `shown` (e.g. the applicant's name), as the open task's form lists them now.
 */
export function pick(rt: RuntimeApi, instanceId: string, elementId: string, fieldId: string, shown: string, actor: Actor): string {
  const task = rt.listTasks({ instanceId }, actor).find((t) => t.elementId === elementId);
  const values = task?.form.find((f) => f.id === fieldId)?.values ?? [];
  const found = values.filter((v) => v.name.startsWith(shown));
  if (found.length !== 1) throw new Error(`${fieldId} on ${elementId} offers ${found.length} choices starting "${shown}": ${values.map((v) => v.name).join(' | ')}`);
  return found[0]!.id;
}

/** The bevakningar about one instance in `actor`'s inbox, oldest first, in the order they were sent. */
export function inboxOf(rt: RuntimeApi, actor: Actor, instanceId: string): Bevakning[] {
  return rt
    .listInbox(actor)
    .filter((b) => b.instanceId === instanceId)
    .reverse();
}

/** When `actor` got bevakningar with this subject about the instance, oldest first. */
export function receivedAt(rt: RuntimeApi, actor: Actor, instanceId: string, subject: string): string[] {
  return inboxOf(rt, actor, instanceId).filter((b) => b.subject === subject).map((b) => b.createdAt);
}

/** One apartment of the housing register as it stands now; throws when the register has no such apartment. */
export function apartmentOf(rt: RuntimeApi, id: string): Apartment {
  const apartment = rt.housingRegister().apartments.find((a) => a.id === id);
  if (!apartment) throw new Error(`Apartment ${id} is not in the register`);
  return apartment;
}
