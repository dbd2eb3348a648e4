// (a) bpmn-engine alone, in process, no storage: start → user task → user task → end.
import { readFile } from 'node:fs/promises';
import { Engine } from 'bpmn-engine';
import { parseBpmn } from '../src/engine/definitions/bpmn-parse.js';
import { buildSourceContext } from '../src/engine/elements/element-types.js';

const silentLogger = () => ({ debug() {}, warn() {}, error() {} });

async function runOne(sourceContext: unknown): Promise<void> {
  const engine = new Engine({ sourceContext, Logger: silentLogger } as never);
  const ended = new Promise<void>((resolve, reject) => {
    engine.once('end', () => resolve());
    engine.once('error', reject);
  });
  await engine.execute();
  for (const id of ['steg1', 'steg2']) {
    const task = engine.execution!.getPostponed().find((a: { id: string }) => a.id === id);
    if (!task) throw new Error(`${id} is not waiting`);
    task.signal();
  }
  await ended;
}

/** Instances per second over `count` runs, after a warm-up. */
export async function measureRawEngine(diagramPath: string, count: number): Promise<number> {
  const parsed = await parseBpmn(await readFile(diagramPath, 'utf8'));
  const sourceContext = buildSourceContext(parsed.moddleContext);
  for (let i = 0; i < 200; i++) await runOne(sourceContext);
  const started = performance.now();
  for (let i = 0; i < count; i++) await runOne(sourceContext);
  return count / ((performance.now() - started) / 1000);
}
