// The permission table on its own: what each kind of user may do with a task, a case's process and a bevakning.
import { describe, expect, test } from 'vitest';
import { permissions, taskActions, type Actor } from '../../src/auth/index.js';

const chef = (units?: string[]): Actor => ({ username: 'chef', roles: ['enhetschef'], ...(units ? { units } : {}) });
const other: Actor = { username: 'avgift', roles: ['avgiftshandlaggare'] };
const revisor: Actor = { username: 'revisor', roles: ['revisor'] };
const admin: Actor = { username: 'admin', roles: ['admin'] };
const task = (changes: { unit?: string | null; assignee?: string | null } = {}) => ({ candidateGroups: ['enhetschef'], unit: null, assignee: null, ...changes });

describe('permissions', () => {
  test('when a task is addressed to a unit, then only its group\'s members of that unit (and those tied to none) see, take and work on it', () => {
    const atEkbacken = task({ unit: 'ekbacken' });
    const rows = [chef(['ekbacken']), chef(['lindgarden']), chef(), other].map((a) => [permissions.seeTask(a, atEkbacken), taskActions(a, atEkbacken).canClaim, taskActions(a, atEkbacken).canWork]);
    expect(rows).toEqual([
      [true, true, true],
      [false, false, false],
      [true, true, true],
      [false, false, false],
    ]);
  });

  test('when someone holds the task, then only they and an admin work on it; they or an admin give it back; nobody takes it', () => {
    const held = task({ assignee: 'kollega' });
    expect([chef(), { ...chef(), username: 'kollega' }, admin].map((a) => taskActions(a, held))).toEqual([
      { canClaim: false, canUnclaim: false, canWork: false, claimedByOther: true },
      { canClaim: false, canUnclaim: true, canWork: true, claimedByOther: false },
      { canClaim: false, canUnclaim: true, canWork: true, claimedByOther: true },
    ]);
  });

  test('when the auditor looks, then they see every task and bevakning and change nothing', () => {
    const notice = { group: 'enhetschef', unit: 'ekbacken' };
    expect([permissions.seeTask(revisor, task()), permissions.readBevakning(revisor, notice)]).toEqual([true, true]);
    expect([taskActions(revisor, task()).canClaim, permissions.startProcess(revisor, []), permissions.actInProcess(revisor, ['revisor']), permissions.receiveBevakning(revisor, notice), permissions.change(revisor)]).toEqual([false, false, false, false, false]);
  });

  test('when a process names its starters and chefs, then they start it and reassign its work; a process naming no starters is started by any role', () => {
    expect([permissions.startProcess(chef(), ['lss-handlaggare']), permissions.startProcess(chef(), []), permissions.startProcess(admin, ['lss-handlaggare'])]).toEqual([false, true, true]);
    expect([permissions.assignInProcess(chef(), ['enhetschef', 'lss-handlaggare']), permissions.assignInProcess(other, ['avgiftshandlaggare']), permissions.assignInProcess(admin, [])]).toEqual([true, false, true]);
  });

  test('when a bevakning goes to a unit, then that unit\'s members of the group get it; the case is read by the groups bevakningar went to', () => {
    const notice = { group: 'enhetschef', unit: 'ekbacken' };
    expect([chef(['ekbacken']), chef(['lindgarden']), admin].map((a) => permissions.receiveBevakning(a, notice))).toEqual([true, false, true]);
    expect([permissions.readCase(chef(), { readerRoles: ['lss-handlaggare'], holders: [], bevakningar: [notice] }), permissions.readCase(other, { readerRoles: ['lss-handlaggare'], holders: [], bevakningar: [notice] })]).toEqual([true, false]);
    expect(permissions.readCase(other, { readerRoles: ['lss-handlaggare'], holders: [null, 'avgift'], bevakningar: [] })).toBe(true);
  });
});
