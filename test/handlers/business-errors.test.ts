import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { businessErrors } from '../../src/handlers/business-errors.js';

test('every business error a handler raises is offered in the editor, so an analyst can catch it on the diagram', async () => {
  // given
  const dir = 'src/handlers';
  const sources = await Promise.all((await readdir(dir)).filter((f) => f.endsWith('.ts')).map((f) => readFile(path.join(dir, f), 'utf8')));
  // when
  const raised = new Set(sources.flatMap((source) => [...source.matchAll(/new BpmnBusinessError\('([A-Z_]+)'/g)].map((m) => m[1]!)));
  // then
  expect([...raised].sort()).toEqual(Object.keys(businessErrors).sort());
});
