// What the runtime reads of event sub-processes from where a case stands: the message gate (API, decisions and case-to-case relay) and business errors.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileDefinition } from '../../../src/engine/definitions/compile-definition.js';
import { catchesError, waitsForMessage } from '../../../src/engine/definitions/process-model.js';
import { fixturesDir } from '../../helpers/runtime-harness.js';
import { testHandlers } from '../../helpers/test-handlers.js';

const handlers = new Map(testHandlers.map((h) => [h.name, h]));
const modelOf = async (file: string) => (await compileDefinition(await readFile(path.join(fixturesDir, 'structure', file), 'utf8'), file, handlers)).model;
const at = (...ids: string[]) => ids.map((elementId) => ({ elementId }));

describe('event sub-processes in the process model', () => {
  test('when the case stands in the process, then an interrupting message start takes its message; once inside its own steps it does not', async () => {
    // given
    const model = await modelOf('handelse-avbrytande.bpmn');
    // when
    const [running, inside, elsewhere] = [at('utred'), at('avsluta'), at('forsenad')].map((a) => waitsForMessage(model, a, 'ansokanAterkallad'));
    // then
    expect([running, inside, elsewhere]).toEqual([true, false, false]);
  });

  test('when a non-interrupting message start took its message, then it waits for no second one while its task is open', async () => {
    // given
    const model = await modelOf('handelse-bredvid.bpmn');
    // when
    const [before, beside, afterMain] = [at('utred'), at('utred', 'granska'), at('granska')].map((a) => waitsForMessage(model, a, 'kompletteringInkommen'));
    // then
    expect([before, beside, afterMain]).toEqual([true, false, false]);
  });

  test('when a handler in the process throws the business error of an error start, then it is caught; from the event sub-processes it is not', async () => {
    // given
    const model = await modelOf('handelse-avbrytande.bpmn');
    // when / then
    expect(catchesError(model, 'boka', 'INGEN_PLATS')).toBe(true);
    expect(catchesError(model, 'boka', 'ANNAT_FEL')).toBe(false);
    expect(catchesError(model, 'avsluta', 'INGEN_PLATS')).toBe(false);
  });

  test('when the compiled engine copy is made, then the stored source and the model keep the drawn event sub-processes and their ids', async () => {
    // given
    const xml = await readFile(path.join(fixturesDir, 'structure', 'handelse-i-delprocess.bpmn'), 'utf8');
    // when
    const compiled = await compileDefinition(xml, 'handelse-i-delprocess.bpmn', handlers);
    // then
    expect(compiled.source).toBe(xml);
    expect(compiled.model.elements.get('frist')).toEqual(expect.objectContaining({ type: 'bpmn:SubProcess', triggeredByEvent: true, parent: 'utreda' }));
    expect(compiled.model.elements.get('tioDagar')).toEqual(expect.objectContaining({ type: 'bpmn:StartEvent', name: 'Tio dagar', parent: 'frist' }));
    expect([...compiled.model.elements.keys()].filter((id) => id.startsWith('__'))).toEqual([]);
  });
});
