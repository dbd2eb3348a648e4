import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DefinitionError } from '../../../src/errors.js';
import { fixturesDir, startHarness } from '../../helpers/runtime-harness.js';
import { testHandlers } from '../../helpers/test-handlers.js';

const cycle = '<bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/P3M</bpmn:timeCycle></bpmn:timerEventDefinition>';

describe('checks of embedded sub-processes', () => {
  test('when a repeating timer can send a second token into a sub-process whose task is still open, then the sub-process is refused', async () => {
    // given: a quarterly timer on "Besluta" leads back into the sub-process, which waits at "Utred behovet"
    const xml = (await readFile(path.join(fixturesDir, 'structure', 'delprocess.bpmn'), 'utf8')).replace(
      '<bpmn:endEvent id="klart" name="Klart" />',
      `<bpmn:endEvent id="klart" name="Klart" /><bpmn:boundaryEvent id="kvartal" name="Varje kvartal" cancelActivity="false" attachedToRef="besluta">${cycle}</bpmn:boundaryEvent><bpmn:sequenceFlow id="igen" sourceRef="kvartal" targetRef="utreda" />`,
    );
    // when
    const err = await startHarness({ processes: [['delprocess.bpmn', xml]], handlers: testHandlers }).then((h) => h.close().then(() => null), (e: unknown) => e);
    // then
    expect(err).toBeInstanceOf(DefinitionError);
    const messages = (err as DefinitionError).problems.filter((p) => p.elementId === 'utreda').map((p) => p.message);
    expect(messages).toContainEqual(expect.stringMatching(/^Delprocessen "Utreda" nås från timern "Varje kvartal"/));
  });
});
