// Caps on the shape of submitted values, checked before any validation so a deep or huge body costs nothing more.
import type { FieldError } from '../errors.js';
import { maxStringLength } from './field-schema.js';

/** How deeply objects and arrays may nest; the submitted object itself is level 1. Field values are flat. */
export const maxValueDepth = 5;

/** How many keys (or items) one object (or array) may hold at any level. */
export const maxValueKeys = 100;

/** The longest a message's variables may be, as JSON: room for about two texts of the longest length a field takes. */
export const maxMessageChars = 2 * maxStringLength;

export const limitMessages = {
  depth: `Uppgifterna får vara nästlade i högst ${maxValueDepth} nivåer.`,
  keys: `Uppgifterna får ha högst ${maxValueKeys} fält eller värden på varje nivå.`,
  size: `Uppgifterna får vara högst ${maxMessageChars.toLocaleString('sv-SE')} tecken.`,
} as const;

/**
 * The first cap `value` breaks, as an error on `field`, or null. Depth and key count are measured without recursion,
 * so a value nested thousands deep is refused without touching the stack; only then is its size measured.
 */
export function checkValueLimits(value: unknown, field: string): FieldError | null {
  const shape = shapeExceeds(value, maxValueDepth, maxValueKeys);
  if (shape) return { field, message: limitMessages[shape] };
  if ((JSON.stringify(value) ?? '').length > maxMessageChars) return { field, message: limitMessages.size };
  return null;
}

function shapeExceeds(value: unknown, maxDepth: number, maxKeys: number): 'depth' | 'keys' | null {
  const stack: [unknown, number][] = [[value, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [current, depth] = next;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > maxDepth) return 'depth';
    const children = Object.values(current);
    if (children.length > maxKeys) return 'keys';
    for (const child of children) stack.push([child, depth + 1]);
  }
  return null;
}
