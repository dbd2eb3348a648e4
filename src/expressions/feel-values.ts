// Converts instance variables into a data-only FEEL context and FEEL results back into plain JSON values.
import { TZDate } from '@date-fns/tz';
import { FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';

const MAX_DEPTH = 32;

/** A FEEL result as plain JS, tagged with the FEEL type where a timer needs to know it. */
export type FeelResult =
  | { type: 'date'; value: string }
  | { type: 'dateTime'; value: string }
  | { type: 'duration'; value: string }
  | { type: 'other'; value: unknown };

/**
 * A null-prototype copy of the variables holding JSON data only: functions, symbols, getters and class
 * instances are dropped, dates become ISO strings. Nested objects are fresh literals with own data
 * properties only, because feelin treats only `Object.prototype` objects as FEEL contexts and never reads
 * inherited members of them.
 */
export function toFeelContext(variables: unknown): Record<string, unknown> {
  const context = Object.create(null) as Record<string, unknown>;
  const copy = copyJson(variables, 0);
  if (copy !== null && typeof copy === 'object' && !Array.isArray(copy)) Object.assign(context, copy);
  return context;
}

function copyJson(value: unknown, depth: number): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'object' || depth > MAX_DEPTH) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return Array.from(value, (item: unknown) => copyJson(item, depth + 1) ?? null);
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return undefined;
  const entries: [string, unknown][] = [];
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(value))) {
    if (!descriptor.enumerable || !('value' in descriptor)) continue;
    const item = copyJson(descriptor.value, depth + 1);
    if (item !== undefined) entries.push([key, item]);
  }
  return Object.fromEntries(entries);
}

/** Tags and converts what feelin returned: temporal values become ISO strings, unknown kinds become null. */
export function fromFeelResult(value: unknown): FeelResult {
  if (value instanceof FeelDate) return { type: 'date', value: value.iso };
  if (value instanceof FeelDateTime) return { type: 'dateTime', value: dateTimeToIso(value) };
  if (value instanceof FeelDuration) return { type: 'duration', value: value.iso };
  return { type: 'other', value: toPlain(value) };
}

function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof FeelDate || value instanceof FeelDuration || value instanceof FeelTime) return value.iso;
  if (value instanceof FeelDateTime) return dateTimeToIso(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value !== 'object') return null;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return null;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlain(item)]));
}

// Local and fixed-offset values already print as ISO 8601; a named zone (`...@Europe/Paris`) becomes its offset.
function dateTimeToIso(value: FeelDateTime): string {
  if (!value.iso.includes('@') || value.zone === null) return value.iso;
  const wall = value.unwrap();
  const zoned = new TZDate(
    wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond, value.zone,
  );
  return Number.isNaN(zoned.getTime()) ? value.iso : zoned.toISOString();
}
