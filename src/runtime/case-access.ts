// Need to know (API.md "Access"): a case is read by the roles that have a part in its process, by whoever holds or held
// one of its tasks or was sent one of its bevakningar, and by the revisor and admin. Anyone else is told it does not
// exist (404), and lists leave it out, so that a case's existence is not given away either.
import { permissions, type Actor } from '../auth/index.js';
import { caseReaderRoles, type DefinitionRegistry, type InstanceIndex, type InstanceSummary } from '../engine/index.js';
import { AppError } from '../errors.js';

export function createCaseAccess({ index, registry }: { index: InstanceIndex; registry: DefinitionRegistry }) {
  // One list per process version: the model does not change once deployed.
  const readers = new Map<string, string[]>();
  const readerRolesOf = (summary: InstanceSummary): string[] => {
    const key = `${summary.processKey}@${summary.version}`;
    let roles = readers.get(key);
    if (!roles) {
      const model = registry.get(summary.processKey, summary.version)?.model;
      roles = model ? caseReaderRoles(model) : [];
      readers.set(key, roles);
    }
    return roles;
  };

  const mayRead = (actor: Actor, summary: InstanceSummary): boolean =>
    permissions.readCase(actor, {
      readerRoles: readerRolesOf(summary),
      holders: [...summary.tasks.flatMap((t) => [t.assignee, ...(t.candidateUsers ?? [])]), ...(summary.taskHolders ?? [])],
      bevakningar: summary.bevakningar,
    });

  return {
    /** Whether the actor may read the case; false also for a case that does not exist. */
    mayReadCase(instanceId: string, actor: Actor): boolean {
      const summary = index.get(instanceId);
      return summary !== undefined && mayRead(actor, summary);
    },

    /** not_found, as for an id that does not exist, unless the actor may read the case. */
    assertCanReadCase(instanceId: string, actor: Actor): void {
      const summary = index.get(instanceId);
      if (!summary || !mayRead(actor, summary)) throw new AppError('not_found', 'Ärendet finns inte.');
    },
  };
}

export type CaseAccess = ReturnType<typeof createCaseAccess>;
