// An uploaded diagram is parsed in a worker thread under a deadline and a memory cap; what exceeds them is refused.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkDefinitionOffThread } from '../../src/engine/definitions/parse-off-thread.js';
import { DefinitionError } from '../../src/errors.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'processes', 'web', 'web-beslut.bpmn');

/** The fixture with `count` extra tasks: a large but otherwise valid-looking diagram. */
async function largeDiagram(count: number): Promise<string> {
  const tasks = Array.from({ length: count }, (_, i) => `<bpmn:manualTask id="extra${i}" name="Extra ${i}" />`).join('\n');
  return (await readFile(fixture, 'utf8')).replace('</bpmn:process>', `${tasks}\n</bpmn:process>`);
}

async function refusal(check: Promise<unknown>): Promise<string[]> {
  const err = await check.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DefinitionError);
  return (err as DefinitionError).problems.map((p) => p.message);
}

describe('checkDefinitionOffThread', () => {
  test('when the diagram passes, then no problems; when it names an unknown handler, then that element is named', async () => {
    // given
    const xml = await readFile(fixture, 'utf8');

    // when
    const good = await checkDefinitionOffThread(xml, 'web-beslut.bpmn', ['sendBevakning']);
    const bad = await checkDefinitionOffThread(xml, 'web-beslut.bpmn', ['annan']);

    // then
    expect(good.problems).toEqual([]);
    expect(bad.problems).toEqual([{ file: 'web-beslut.bpmn', elementId: 'skickaPaminnelse', message: expect.stringContaining('Okänd hanterare "sendBevakning"') }]);
  });

  test('when reading takes longer than the deadline, then it is refused as taking too long', async () => {
    // given
    const xml = await largeDiagram(2_000);

    // when
    const messages = await refusal(checkDefinitionOffThread(xml, 'stor.bpmn', ['sendBevakning'], { timeoutMs: 1, maxOldGenerationSizeMb: 128 }));

    // then
    expect(messages).toEqual(['Diagrammet tog för lång tid att läsa.']);
  });

  test('when reading needs more memory than the cap, then it is refused and the server keeps running', async () => {
    // given
    const xml = await largeDiagram(60_000);

    // when
    const messages = await refusal(checkDefinitionOffThread(xml, 'stor.bpmn', ['sendBevakning'], { timeoutMs: 60_000, maxOldGenerationSizeMb: 8 }));

    // then
    expect(messages).toEqual(['Diagrammet är för stort eller för komplext för att läsas.']);
    expect((await checkDefinitionOffThread(await readFile(fixture, 'utf8'), 'web-beslut.bpmn', ['sendBevakning'])).problems).toEqual([]);
  });
});
