// The business variables of a process: its environment variables without what the engine keeps there itself.

/** Variable names the engine keeps for itself on the process environment. */
export const reservedVariableNames = new Set(['fields', 'content', 'properties', 'environment', 'services', 'output']);

export function processVariables(environmentVariables: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(environmentVariables)) {
    if (!reservedVariableNames.has(key)) out[key] = value;
  }
  return out;
}
