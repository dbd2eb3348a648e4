// Runs the parse and check of an uploaded diagram in long-lived worker threads (piscina) with memory limits and a
// deadline: a warm worker answers a normal diagram at once, a huge or hostile one costs its worker, never the server.
import { Piscina } from 'piscina';
import { DefinitionError } from '../../errors.js';
import type { LintRules } from './lint-config.js';
import { defaultLintRules } from './lint-rules.js';
import type { ParseAnswer, ParseRequest } from './parse-worker.js';

/** The limits an upload is parsed under; a diagram needing more is refused, the server is never stalled or exhausted. */
export interface ParseLimits {
  timeoutMs: number;
  maxOldGenerationSizeMb: number;
}

export const defaultParseLimits: ParseLimits = { timeoutMs: 10_000, maxOldGenerationSizeMb: 128 };

/** The sources run under tsx (tests, `npm start`); the entry registers tsx in the worker, then loads parse-worker.ts. */
const workerUrl = new URL('./parse-worker-entry.mjs', import.meta.url);

/** One pool per set of limits (the server uses one); an open editor checks on every pause, two workers are plenty. */
const pools = new Map<string, Piscina<ParseRequest, ParseAnswer>>();

function poolFor(limits: ParseLimits): Piscina<ParseRequest, ParseAnswer> {
  const key = `${limits.timeoutMs}/${limits.maxOldGenerationSizeMb}`;
  let pool = pools.get(key);
  if (!pool) {
    pool = new Piscina<ParseRequest, ParseAnswer>({
      filename: workerUrl.href,
      minThreads: 1,
      maxThreads: 2,
      // A worker idle for a while is let go; piscina keeps idle workers from holding the process open.
      idleTimeout: 60_000,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
    });
    pools.set(key, pool);
  }
  return pool;
}

/**
 * Parses and checks `xml` off the main thread (our rules and the lint rules in force); resolves to the process id, every
 * problem found (none when it passes), the warnings, and the XML with a drawing when it came without one.
 * Rejects with a DefinitionError when the diagram takes too long or too much memory to read; the worker that tried
 * is replaced.
 */
export async function checkDefinitionOffThread(
  xml: string,
  file: string,
  handlerNames: Iterable<string>,
  limits: ParseLimits = defaultParseLimits,
  lintRules: LintRules = defaultLintRules,
): Promise<ParseAnswer> {
  const refused = (message: string) => new DefinitionError([{ file, elementId: null, message }]);
  const request: ParseRequest = { xml, file, handlerNames: [...handlerNames], lintRules };
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), limits.timeoutMs);
  try {
    return await poolFor(limits).run(request, { signal: deadline.signal });
  } catch (err) {
    if (deadline.signal.aborted) throw refused('Diagrammet tog för lång tid att läsa.');
    if ((err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') throw refused('Diagrammet är för stort eller för komplext för att läsas.');
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/** Lets the workers go at once (the bench between measurements); a server or a test leaves them to go when idle. */
export async function closeDiagramCheckers(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((pool) => pool.destroy()));
}
