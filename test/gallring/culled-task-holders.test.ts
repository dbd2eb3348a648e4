// The gallring stub keeps the task holders on purpose: staff usernames, not the person's data (deidentify.ts).
import { describe, expect, test } from 'vitest';
import { culledSummary } from '../../src/gallring/index.js';
import type { InstanceSummary } from '../../src/engine/records/index.js';

const ended = (extra: Partial<InstanceSummary>): InstanceSummary => ({
  id: 'c1', processKey: 'p', version: 1, businessKey: 'B-1', state: 'completed', startedAt: '2027-01-15T08:00:00Z', endedAt: '2027-02-01T08:00:00Z', rev: 5, variables: { brukare: 'Anna Andersson' }, active: [], tasks: [], timers: [], bevakningar: [], caseEvents: [], ...extra,
});
const mark = { at: '2032-01-15T08:00:00Z', by: 'admin', rule: 'sol-personakt' };

describe('culledSummary and task holders', () => {
  test('when a case with task holders is culled, then the stub keeps them and drops the person', () => {
    // when
    const stub = culledSummary(ended({ taskHolders: ['avgiftshandlaggare'] }), mark);
    // then
    expect(stub).toMatchObject({ taskHolders: ['avgiftshandlaggare'], variables: {}, businessKey: null, culled: mark });
  });

  test('when a case stored before holders were kept is culled, then the stub has none either', () => {
    // when / then
    expect('taskHolders' in culledSummary(ended({}), mark)).toBe(false);
  });
});
