// The caps on a submitted value's depth and size, checked before any validation.
import { describe, expect, test } from 'vitest';
import { checkValueLimits, limitMessages, maxMessageChars, maxValueDepth, maxValueKeys } from '../../src/forms/index.js';

/** An object nested `levels` deep, itself counted as level 1. */
function nested(levels: number): unknown {
  let value: unknown = 'botten';
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { n: value };
  return value;
}

describe('checkValueLimits', () => {
  test('when objects and arrays nest up to the limit, then the value passes; one level more is refused', () => {
    // given
    const atLimit = nested(maxValueDepth);
    const overLimit = nested(maxValueDepth + 1);
    // when
    const passed = checkValueLimits(atLimit, 'variables');
    const refused = checkValueLimits(overLimit, 'variables');
    // then
    expect(passed).toBeNull();
    expect(refused).toEqual({ field: 'variables', message: limitMessages.depth });
  });

  test('when a value nests a million deep, then it is refused without overflowing the stack', () => {
    // given
    const deep = nested(1_000_000);
    // when
    const refused = checkValueLimits(deep, 'variables');
    // then
    expect(refused).toEqual({ field: 'variables', message: limitMessages.depth });
  });

  test('when a flat value is longer than the cap as JSON, then it is refused with the size message', () => {
    // given
    const justUnder = { text: 'a'.repeat(maxMessageChars - 20) };
    const over = { text: 'a'.repeat(maxMessageChars) };
    // when / then
    expect(checkValueLimits(justUnder, 'variables')).toBeNull();
    expect(checkValueLimits(over, 'variables')).toEqual({ field: 'variables', message: limitMessages.size });
  });

  test('when an object or array at any level holds more keys than the cap, then it is refused with the key message', () => {
    // given
    const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, 1]));
    // when / then
    expect(checkValueLimits(many(maxValueKeys), 'variables')).toBeNull();
    expect(checkValueLimits(many(maxValueKeys + 1), 'variables')).toEqual({ field: 'variables', message: limitMessages.keys });
    expect(checkValueLimits({ lista: Array.from({ length: maxValueKeys + 1 }, () => 0) }, 'variables')).toEqual({ field: 'variables', message: limitMessages.keys });
  });
});
