// (e) How long an upload's check takes once the checking worker is warm: the editor checks on every pause.
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { checkDefinitionOffThread, closeDiagramCheckers } from '../src/engine/definitions/parse-off-thread.js';
import { defaultHandlers } from '../src/handlers/index.js';

/** The median and slowest of `rounds` checks of `file` (after one that warms the worker), in milliseconds. */
export async function measureDiagramCheck(file: string, rounds: number): Promise<{ p50: number; max: number; first: number }> {
  const xml = await readFile(file, 'utf8');
  const names = defaultHandlers.map((h) => h.name);
  const start = performance.now();
  await checkDefinitionOffThread(xml, file, names);
  const first = performance.now() - start;
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await checkDefinitionOffThread(xml, file, names);
    times.push(performance.now() - t0);
  }
  await closeDiagramCheckers();
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)]!, max: times.at(-1)!, first };
}
