// The retention rule on its own: birthdays kept for research, what a missing birthday means, rules per process.
import { describe, expect, test } from 'vitest';
import type { InstanceSummary } from '../../src/engine/index.js';
import { birthDayOf, casesDueForGallring, type GallringConfig, type RetentionCase } from '../../src/gallring/index.js';

const config: GallringConfig = {
  whenBirthDayUnknown: 'gallra',
  rules: [
    { id: 'vakans', label: 'Vakans', processKeys: ['vakans'], keepYears: 2, keepBirthDays: [], source: 'test' },
    { id: 'sol', label: 'SoL', law: 'SoL', keepYears: 5, keepBirthDays: [5, 15, 25], source: 'test' },
    { id: 'lss', label: 'LSS', law: 'LSS', keepYears: null, keepBirthDays: [], source: 'test' },
  ],
};

function ended(id: string, processKey: string, brukare: string, endedAt = '2027-03-10T10:00:00.000Z'): InstanceSummary {
  return { id, processKey, version: 1, businessKey: null, state: 'completed', startedAt: '2027-01-01T08:00:00.000Z', endedAt, rev: 3, variables: { brukare }, active: [], tasks: [], timers: [], bevakningar: [], caseEvents: [] };
}
const c = (summary: InstanceSummary, law: RetentionCase['law'], birthDay: number | null = null): RetentionCase => ({ summary, law, birthDay });
const due = (cases: RetentionCase[], today: string, cfg = config) => casesDueForGallring(cases, cfg, today).map((d) => `${d.instanceId}:${d.rule}`);

describe('retention', () => {
  test('when a person was born on the 5th, 15th or 25th, then their SoL case is kept; another day, it is culled', () => {
    // given
    const cases = [c(ended('a', 'sol-x', 'A'), 'SoL', 15), c(ended('b', 'sol-x', 'B'), 'SoL', 16), c(ended('s', 'sol-x', 'S'), 'SoL', 25)];
    // when / then
    expect(due(cases, '2032-03-10')).toEqual(['b:sol']);
  });

  test('when no birthday is known, then the configuration says whether the case is culled or kept', () => {
    // given
    const cases = [c(ended('a', 'sol-x', 'A'), 'SoL')];
    // when / then
    expect(due(cases, '2032-03-10')).toEqual(['a:sol']);
    expect(due(cases, '2032-03-10', { ...config, whenBirthDayUnknown: 'bevara' })).toEqual([]);
  });

  test('when a rule names the process, then it goes before the law, and a case under no rule or under LSS is kept', () => {
    // given
    const cases = [c(ended('v', 'vakans', 'V'), 'SoL'), c(ended('l', 'lss-x', 'L'), 'LSS'), c(ended('n', 'other', 'N'), null)];
    // when / then
    expect(due(cases, '2029-03-10')).toEqual(['v:vakans']);
    expect(due(cases, '2099-01-01')).toEqual(['v:vakans']);
  });

  test('when a decision event came after the end, then the years count from it', () => {
    // given
    const summary = { ...ended('a', 'sol-x', 'A'), caseEvents: [{ type: 'avslutat' as const, date: '2027-06-01', reason: null, at: '2027-06-01T09:00:00.000Z' }] };
    // when / then
    expect(due([c(summary, 'SoL')], '2032-05-31')).toEqual([]);
    expect(due([c(summary, 'SoL')], '2032-06-01')).toEqual(['a:sol']);
  });

  test('when a personnummer is stored, then its day of birth is read, a samordningsnummer less 60', () => {
    expect([birthDayOf('19121212-1212'), birthDayOf('19701065-1234'), birthDayOf('Anna'), birthDayOf(null)]).toEqual([12, 5, null, null]);
  });
});
