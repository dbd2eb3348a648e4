// The business variables of a process: its environment variables without what the engine keeps there itself.
import { reservedVariableNames } from '../definitions/process-model.js';

export function processVariables(environmentVariables: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(environmentVariables)) {
    if (!reservedVariableNames.has(key)) out[key] = value;
  }
  return out;
}
