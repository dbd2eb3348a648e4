// Whether the routines a diagram's call activities name exist, and that no call leads back to where it started.
import type { DefinitionProblem } from '../../errors.js';
import type { ProcessModel } from './process-model.js';

/** One call activity of a diagram: its element and the key of the routine it starts. */
export interface CallSite {
  elementId: string;
  calledKey: string;
}

/** The call sites of a model, for a worker's answer (plain data). */
export function callSites(model: ProcessModel): CallSite[] {
  return [...model.callActivities].map(([elementId, call]) => ({ elementId, calledKey: call.calledKey }));
}

/**
 * The problems of the calls of routine `key`: a routine that is not published, or a call that comes back to `key`
 * (a calls b calls a), which would start cases without end. `routines`: every published routine's key and the keys
 * its newest version calls; `key`'s own entry is replaced by `calls`.
 */
export function calledRoutineProblems(file: string, key: string, calls: readonly CallSite[], routines: ReadonlyMap<string, readonly string[]>): DefinitionProblem[] {
  const graph = new Map(routines);
  graph.set(key, calls.map((c) => c.calledKey));
  const known = [...graph.keys()].filter((k) => k !== key).sort();
  const problems: DefinitionProblem[] = [];
  for (const { elementId, calledKey } of calls) {
    if (calledKey === key) {
      problems.push({ file, elementId, message: `Anropsaktiviteten anropar sin egen rutin (${key}); det skulle starta nya ärenden utan slut. Rita upprepningen som ett flöde tillbaka i processen.` });
    } else if (!routines.has(calledKey)) {
      const list = known.length ? known.join(', ') : 'inga';
      problems.push({ file, elementId, message: `Anropsaktiviteten anropar rutinen "${calledKey}", som inte är publicerad. Publicera den först, eller välj en av de publicerade rutinerna: ${list}.` });
    } else {
      const loop = pathBack(graph, calledKey, key, [key, calledKey]);
      if (loop) problems.push({ file, elementId, message: `Anropet blir en slinga: ${loop.join(' → ')}. En rutin får inte anropa sig själv, direkt eller genom andra rutiner.` });
    }
  }
  return problems;
}

/** The path from `from` to `to` through the calls, or null; depth first, each routine visited once. */
function pathBack(graph: ReadonlyMap<string, readonly string[]>, from: string, to: string, path: string[], seen = new Set<string>()): string[] | null {
  if (seen.has(from)) return null;
  seen.add(from);
  for (const next of graph.get(from) ?? []) {
    if (next === to) return [...path, to];
    const found = pathBack(graph, next, to, [...path, next], seen);
    if (found) return found;
  }
  return null;
}
