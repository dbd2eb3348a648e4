// What a diagram may say about repeating a step: only a user task once per item of a named list; the rest is refused
// at the element with what to draw instead.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testDefinitionsOpen, withLayout } from '../../helpers/diagram-layout.js';
import { fixturesDir, startHarness, type Harness } from '../../helpers/runtime-harness.js';

const loop = (attrs: string, inner = '') => `<bpmn:multiInstanceLoopCharacteristics ${attrs}>${inner}</bpmn:multiInstanceLoopCharacteristics>`;
const userTask = (body: string, form = '') =>
  `<bpmn:userTask id="granska" name="Granska" camunda:candidateGroups="enhetschef">${form}${body}</bpmn:userTask>`;
const diagram = (step: string) =>
  withLayout(`${testDefinitionsOpen}
  <bpmn:process id="upprepa" name="Upprepa" isExecutable="true">
    <bpmn:startEvent id="start" name="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="granska" />
    ${step}
    <bpmn:sequenceFlow id="f2" sourceRef="granska" targetRef="slut" />
    <bpmn:endEvent id="slut" name="Slut" />
  </bpmn:process>
</bpmn:definitions>`);
const formField = (id: string) => `<bpmn:extensionElements><camunda:formData><camunda:formField id="${id}" label="Fält" type="string" /></camunda:formData></bpmn:extensionElements>`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ processes: [] });
});
afterAll(() => h.close());

const problemsOf = async (xml: string) => (await h.runtime.checkDefinition(xml)).problems;
/** The problems on the step itself (a test diagram's other elements may have their own). */
const problemsAtStep = async (xml: string) => (await problemsOf(xml)).filter((p) => p.elementId === 'granska');

describe('multi-instance checks', () => {
  test('when a user task names a list (=name, ${name} or a bare name), one after the other or all at once, then the diagram is accepted', async () => {
    // given
    const loops = [
      loop('camunda:collection="=barnen" camunda:elementVariable="barn"'),
      loop('isSequential="true" camunda:collection="${barnen}"'),
      loop('isSequential="true" camunda:collection="barnen"'),
    ];
    // when
    const problems = await Promise.all(loops.map((l) => problemsOf(diagram(userTask(l)))));
    // then
    expect(problems).toEqual([[], [], []]);
  });

  test.each([
    ['a standard loop', userTask('<bpmn:standardLoopCharacteristics />'), 'Upprepade aktiviteter (standard loop) stöds inte'],
    ['multi-instance on a service task', '<bpmn:serviceTask id="granska" name="Granska" implementation="${environment.services.sendBevakning}">' + loop('camunda:collection="=barnen"') + '</bpmn:serviceTask>', 'stöds bara på användaruppgifter'],
    ['multi-instance on a sub-process', `<bpmn:subProcess id="granska" name="Granska">${loop('camunda:collection="=barnen"')}<bpmn:startEvent id="in" /></bpmn:subProcess>`, 'stöds bara på användaruppgifter'],
    ['a fixed number of rounds', userTask(loop('camunda:collection="=barnen"', '<bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">3</bpmn:loopCardinality>')), 'loopCardinality'],
    ['a completion condition', userTask(loop('camunda:collection="=barnen"', '<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">=klar</bpmn:completionCondition>')), 'completionCondition'],
    ['no list', userTask(loop('isSequential="true"')), 'saknar lista'],
    ['an expression beyond a name', userTask(loop('camunda:collection="=ansokan.barn"')), 'är inte ett variabelnamn'],
    ['a Camunda 7 expression beyond a name', userTask(loop('camunda:collection="${ansokan.barn}"')), 'är inte ett variabelnamn'],
    ['a list named like the task', userTask(loop('camunda:collection="=granska"')), 'samma namn som uppgiften'],
    ['a form field named like the item', userTask(loop('camunda:collection="=barnen" camunda:elementVariable="barn"'), formField('barn')), 'Formulärfältet "barn"'],
  ])('when a diagram has %s, then the step is refused saying what to do instead', async (_, step, message) => {
    // given
    const xml = diagram(step);
    // when
    const problems = await problemsAtStep(xml);
    // then
    expect(problems).toEqual([expect.objectContaining({ message: expect.stringContaining(message) })]);
  });

  test('when a Camunda 8 diagram asks for an output collection, then the task is refused, since the answers are collected under its id', async () => {
    // given
    const xml = (await readFile(path.join(fixturesDir, 'structure', 'flera-zeebe.bpmn'), 'utf8')).replace('inputElement="barn"', 'inputElement="barn" outputCollection="resultat" outputElement="=svar"');
    // when
    const problems = await problemsAtStep(xml);
    // then
    expect(problems).toEqual([expect.objectContaining({ message: expect.stringContaining('svaren från varje post samlas av sig själva i en lista under uppgiftens id (granska)') })]);
  });

  test('when two flows can reach a multi-instance task at once, then it is refused like any task: the second round would wait unseen', async () => {
    // given: a parallel split whose both branches end at the task
    const xml = withLayout(`${testDefinitionsOpen}
  <bpmn:process id="upprepa" name="Upprepa" isExecutable="true">
    <bpmn:startEvent id="start" name="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="dela" />
    <bpmn:parallelGateway id="dela" name="Dela" />
    <bpmn:sequenceFlow id="f2" sourceRef="dela" targetRef="granska" />
    <bpmn:sequenceFlow id="f3" sourceRef="dela" targetRef="via" />
    <bpmn:intermediateThrowEvent id="via" name="Via" />
    <bpmn:sequenceFlow id="f5" sourceRef="via" targetRef="granska" />
    ${userTask(loop('camunda:collection="=barnen"'))}
    <bpmn:sequenceFlow id="f4" sourceRef="granska" targetRef="slut" />
    <bpmn:endEvent id="slut" name="Slut" />
  </bpmn:process>
</bpmn:definitions>`);
    // when
    const problems = await problemsAtStep(xml);
    // then
    expect(problems).toEqual([expect.objectContaining({ message: expect.stringContaining('kan nås av två flöden samtidigt från "Dela"') })]);
  });
});
