// Safe reads from bpmn-moddle objects, whose shape the reader cannot take on trust.

type ModdleObject = Record<string, unknown>;

function isObject(value: unknown): value is ModdleObject {
  return typeof value === 'object' && value !== null;
}

/** The objects in the array `owner[key]`, or none. */
export function listOf(owner: unknown, key: string): ModdleObject[] {
  const value = isObject(owner) ? owner[key] : undefined;
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** The object `owner[key]`, if it is one. */
export function objectOf(owner: unknown, key: string): ModdleObject | undefined {
  const value = isObject(owner) ? owner[key] : undefined;
  return isObject(value) ? value : undefined;
}

/** The string `owner[key]`, trimmed, or undefined when it is missing or blank. */
export function textOf(owner: unknown, key: string): string | undefined {
  const value = isObject(owner) ? owner[key] : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}
