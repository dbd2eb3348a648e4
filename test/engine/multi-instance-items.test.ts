import { describe, expect, test } from 'vitest';
import { answersWith, itemLabel } from '../../src/engine/execution/multi-instance-items.js';

describe('itemLabel', () => {
  test.each([
    ['a text', 'Alva', 0, 'Alva'],
    ['a number', 12, 0, '12'],
    ['an object with a name', { personnummer: '20150101-0000', namn: 'Bror' }, 1, 'Bror'],
    ['an object named in English', { name: 'Cissi' }, 2, 'Cissi'],
    ['an object without a name field', { alder: 7 }, 3, 'post 4'],
    ['an empty text', '  ', 0, 'post 1'],
    ['a list', ['a'], 4, 'post 5'],
    ['a personnummer', '19121212-1212', 0, '19121212-****'],
    ['an object whose id is a personnummer', { id: '121212-1212' }, 1, '121212-****'],
    ['a text with a personnummer in it', 'Bror 19121212 1212', 2, 'Bror 19121212-****'],
    ['a number that is no personnummer', '20150101-0000', 3, '20150101-0000'],
  ])('when the item is %s, then the caseworker sees %s', (_, item, index, label) => {
    // given / when / then
    expect(itemLabel(item, index)).toBe(label);
  });

  test('when the label is very long, then it is cut with an ellipsis', () => {
    // given
    const item = 'x'.repeat(200);
    // when
    const label = itemLabel(item, 0);
    // then
    expect(label).toHaveLength(80);
    expect(label.endsWith('…')).toBe(true);
  });
});

describe('answersWith', () => {
  test('when the second of three is answered and the list does not fit, then a fresh list holds only that answer', () => {
    // given: a list left from another length (the step was changed)
    const current = [{ godkand: true }];
    // when
    const set = answersWith('granska', current, { index: 1, count: 3, item: 'Bror' }, 'barn', { godkand: false });
    // then
    expect(set).toEqual({ granska: [null, { godkand: false, barn: 'Bror' }, null] });
    expect(current).toEqual([{ godkand: true }]);
  });
});
