// Runs the parse and check of an uploaded diagram in a worker thread with memory limits and a deadline.
import { Worker } from 'node:worker_threads';
import { DefinitionError } from '../../errors.js';
import type { ParseAnswer, ParseRequest } from './parse-worker.js';

/** The limits an upload is parsed under; a diagram needing more is refused, the server is never stalled or exhausted. */
export interface ParseLimits {
  timeoutMs: number;
  maxOldGenerationSizeMb: number;
}

export const defaultParseLimits: ParseLimits = { timeoutMs: 10_000, maxOldGenerationSizeMb: 128 };

/** The sources run under tsx (tests, `npm start`); the entry registers tsx in the worker, then loads parse-worker.ts. */
const workerUrl = new URL('./parse-worker-entry.mjs', import.meta.url);

/**
 * Parses and checks `xml` off the main thread (our rules and bpmnlint's); resolves to the process id and every problem
 * found (none when it passes).
 * Rejects with a DefinitionError when the diagram takes too long or too much memory to read.
 */
export function checkDefinitionOffThread(
  xml: string,
  file: string,
  handlerNames: Iterable<string>,
  limits: ParseLimits = defaultParseLimits,
): Promise<ParseAnswer> {
  const refused = (message: string) => new DefinitionError([{ file, elementId: null, message }]);
  const request: ParseRequest = { xml, file, handlerNames: [...handlerNames] };
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, {
      workerData: request,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      void worker.terminate();
      outcome();
    };
    const deadline = setTimeout(() => settle(() => reject(refused('Diagrammet tog för lång tid att läsa.'))), limits.timeoutMs);
    worker.once('message', (answer: ParseAnswer) => settle(() => resolve(answer)));
    worker.once('error', (err: Error & { code?: string }) =>
      settle(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? refused('Diagrammet är för stort eller för komplext för att läsas.') : err)),
    );
    worker.once('exit', (code) => settle(() => reject(new Error(`Tråden som läser diagrammet avslutades utan svar (kod ${code}).`))));
  });
}
