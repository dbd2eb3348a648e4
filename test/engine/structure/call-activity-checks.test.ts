import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { DefinitionError } from '../../../src/errors.js';
import { actors, fixturesDir, startHarness, type Harness } from '../../helpers/runtime-harness.js';

const fixture = (name: string) => readFile(path.join(fixturesDir, 'structure', name), 'utf8');
/** The caller with its call activity written as `callActivity` (the opening tag and anything inside it). */
const caller = async (callActivity: string) =>
  (await fixture('anrop-huvud.bpmn')).replace('<bpmn:callActivity id="utredIBarn" name="Utred i ett eget ärende" calledElement="anropBarn" />', callActivity);
const bootError = (processes: (string | [string, string])[]) => startHarness({ processes }).then((h) => h.close().then(() => null), (e: unknown) => e as DefinitionError);

describe('checks of call activities', () => {
  let h: Harness | undefined;
  afterEach(() => h?.close());

  test('when the called routine is not published, then the boot is refused at the call activity with the routines there are', async () => {
    // given: the caller, a routine that is not the one it calls
    const processes: [string, string][] = [['anrop-huvud.bpmn', await caller('<bpmn:callActivity id="utredIBarn" name="Utred" calledElement="finnsInte" />')], ['anrop-barn.bpmn', await fixture('anrop-barn.bpmn')]];
    // when
    const err = await bootError(processes);
    // then
    expect(err).toBeInstanceOf(DefinitionError);
    expect(err!.problems).toEqual([{ file: 'anrop-huvud.bpmn', elementId: 'utredIBarn', message: 'Anropsaktiviteten anropar rutinen "finns-inte", som inte är publicerad. Publicera den först, eller välj en av de publicerade rutinerna: anrop-barn.' }]);
  });

  test('when two routines call each other, then the boot is refused with the loop named', async () => {
    // given: the child calls the caller back
    const child = (await fixture('anrop-barn.bpmn')).replace(/<bpmn:userTask id="utred"[\s\S]*?<\/bpmn:userTask>/, '<bpmn:callActivity id="utred" name="Tillbaka" calledElement="anrop-huvud" />');
    // when
    const err = await bootError([['anrop-huvud.bpmn', await caller('<bpmn:callActivity id="utredIBarn" name="Utred" calledElement="anropBarn" />')], ['anrop-barn.bpmn', child]]);
    // then
    const messages = err!.problems.map((p) => `${p.elementId}: ${p.message}`);
    expect(messages).toEqual(expect.arrayContaining(['utred: Anropet blir en slinga: anrop-barn → anrop-huvud → anrop-barn. En rutin får inte anropa sig själv, direkt eller genom andra rutiner.']));
    expect(messages).toContain('utredIBarn: Anropet blir en slinga: anrop-huvud → anrop-barn → anrop-huvud. En rutin får inte anropa sig själv, direkt eller genom andra rutiner.');
  });

  test('when an uploaded diagram calls a routine that is not published, then the check names it and nothing is deployed', async () => {
    // given
    h = await startHarness({ processes: ['structure/anrop-barn.bpmn'] });
    const xml = await caller('<bpmn:callActivity id="utredIBarn" name="Utred" calledElement="extern-placering" />');
    // when
    const { problems } = await h.runtime.checkDefinition(xml);
    const publish = h.runtime.deploy(xml, actors.admin);
    // then
    expect(problems).toEqual([{ elementId: 'utredIBarn', message: expect.stringContaining('rutinen "extern-placering", som inte är publicerad') }]);
    await expect(publish).rejects.toMatchObject({ code: 'invalid_definition' });
    expect(h.runtime.listProcesses().map((p) => p.key)).toEqual(['anrop-barn']);
  });

  test.each([
    ['an expression', 'calledElement="${routin}"', 'calledElement "${routin}" är ett uttryck'],
    ['a version binding', 'calledElement="anropBarn" camunda:calledElementBinding="version" camunda:calledElementVersion="2"', 'camunda:calledElementBinding="version" stöds inte: ett anropat ärende startar alltid den senaste versionen'],
    ['a Java mapping', 'calledElement="anropBarn" camunda:variableMappingClass="se.kommun.Mapping"', 'camunda:variableMappingClass kör Java-kod, vilket aldrig görs här. Använd camunda:in och camunda:out'],
    ['a delegate mapping', 'calledElement="anropBarn" camunda:variableMappingDelegateExpression="${mapping}"', 'camunda:variableMappingDelegateExpression kör Java-kod'],
    ['no called element', '', 'Anropsaktiviteten saknar calledElement'],
  ])('when the call activity has %s, then the check refuses it with what to do', async (_what, attributes, message) => {
    // given
    h = await startHarness({ processes: ['structure/anrop-barn.bpmn'] });
    // when
    const { problems } = await h.runtime.checkDefinition(await caller(`<bpmn:callActivity id="utredIBarn" name="Utred" ${attributes} />`));
    // then
    expect(problems).toContainEqual({ elementId: 'utredIBarn', message: expect.stringContaining(message) });
  });

  test.each([
    ['an expression as source', '<camunda:in sourceExpression="${a + b}" target="c" />', 'camunda:in med sourceExpression "${a + b}" är ett uttryck'],
    ['a business key from an expression', '<camunda:in businessKey="${arende}" />', 'camunda:in businessKey="${arende}" stöds inte'],
    ['local variables', '<camunda:out source="a" target="b" local="true" />', 'camunda:out med local="true" stöds inte'],
    ['a name that is not a variable', '<camunda:out source="a.b" target="b" />', 'camunda:out måste ha source och target som är variabelnamn'],
  ])('when a mapping has %s, then the check refuses it', async (_what, mapping, message) => {
    // given
    h = await startHarness({ processes: ['structure/anrop-barn.bpmn'] });
    const xml = await caller(`<bpmn:callActivity id="utredIBarn" name="Utred" calledElement="anropBarn"><bpmn:extensionElements>${mapping}</bpmn:extensionElements></bpmn:callActivity>`);
    // when
    const { problems } = await h.runtime.checkDefinition(xml);
    // then
    expect(problems).toContainEqual({ elementId: 'utredIBarn', message: expect.stringContaining(message) });
  });

  test('when the mappings pass all variables, names and the caller\'s case number, then the diagram is accepted', async () => {
    // given
    h = await startHarness({ processes: ['structure/anrop-barn.bpmn'] });
    const mappings = '<camunda:in businessKey="#{execution.processBusinessKey}" /><camunda:in variables="all" /><camunda:out source="resultat" target="utredning" />';
    // when
    const { problems } = await h.runtime.checkDefinition(await caller(`<bpmn:callActivity id="utredIBarn" name="Utred" calledElement="anropBarn"><bpmn:extensionElements>${mappings}</bpmn:extensionElements></bpmn:callActivity>`));
    // then
    expect(problems).toEqual([]);
  });

  test.each([
    ['names a published routine', '<zeebe:calledElement processId="anropBarn" propagateAllChildVariables="true" />', null],
    ['names it by an expression', '<zeebe:calledElement processId="=routin" />', 'zeebe:calledElement processId "=routin" är ett uttryck'],
    ['keeps the child\'s variables', '<zeebe:calledElement processId="anropBarn" propagateAllChildVariables="false" />', 'Attributet propagateAllChildVariables="false" stöds inte här'],
  ])('when a Camunda 8 call activity %s, then it is read as calledElement and checked like ours', async (_what, extension, message) => {
    // given
    h = await startHarness({ processes: ['structure/anrop-barn.bpmn'] });
    const xml = (await caller(`<bpmn:callActivity id="utredIBarn" name="Utred"><bpmn:extensionElements>${extension}</bpmn:extensionElements></bpmn:callActivity>`))
      .replace('xmlns:camunda="http://camunda.org/schema/1.0/bpmn"', 'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"');
    // when
    const { problems } = await h.runtime.checkDefinition(xml);
    // then
    if (message === null) expect(problems).toEqual([]);
    else expect(problems).toContainEqual({ elementId: 'utredIBarn', message: expect.stringContaining(message) });
  });
});
