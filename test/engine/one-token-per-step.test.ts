// The engine runs one token at a time per step and queues a second one out of sight, so a diagram that could send a
// second token to a step still open is refused at the check, with the step and the reason named.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { testDefinitionsOpen, withLayout } from '../helpers/diagram-layout.js';
import { actors, startHarness, type Harness } from '../helpers/runtime-harness.js';

const bevakning = (id: string, name: string) => `<bpmn:serviceTask id="${id}" name="${name}" implementation="\${environment.services.sendBevakning}">
      <bpmn:extensionElements><camunda:properties><camunda:property name="group" value="enhetschef" /><camunda:property name="subject" value="Bevakning" /><camunda:property name="body" value="Dags." /></camunda:properties></bpmn:extensionElements>
    </bpmn:serviceTask>`;
const task = (id: string, name: string) => `<bpmn:userTask id="${id}" name="${name}" camunda:candidateGroups="enhetschef" />`;
const cycle = '<bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/P3M</bpmn:timeCycle></bpmn:timerEventDefinition>';
const timer = (duration: string) => `<bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${duration}</bpmn:timeDuration></bpmn:timerEventDefinition>`;
const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

const diagram = (body: string) =>
  withLayout(`${testDefinitionsOpen}
  <bpmn:process id="en-i-taget" name="En i taget" isExecutable="true">
    <bpmn:startEvent id="start" name="Start" />
    ${body}
  </bpmn:process>
</bpmn:definitions>`);

/** A waiting task with a non-interrupting timer on its border; what the timer leads to is the test's. */
const timerOnWaitingTask = (timerDefinition: string, afterTimer: string) =>
  diagram(`${flow('f1', 'start', 'vanta')}
    ${task('vanta', 'Vänta på verkställighet')}
    ${flow('f2', 'vanta', 'slut')}
    <bpmn:endEvent id="slut" name="Slut" />
    <bpmn:boundaryEvent id="kvartal" name="Var 3:e månad" cancelActivity="false" attachedToRef="vanta">${timerDefinition}</bpmn:boundaryEvent>
    ${afterTimer}`);

/** A loop: a timer, a split whose one branch goes round again; `offLoop` is where the other branch goes. */
const loopWithSplit = (offLoop: string) =>
  diagram(`${flow('f1', 'start', 'varv')}
    <bpmn:exclusiveGateway id="varv" name="Nästa varv" />
    ${flow('f2', 'varv', 'period')}
    <bpmn:intermediateCatchEvent id="period" name="Tre månader">${timer('P3M')}</bpmn:intermediateCatchEvent>
    ${flow('f3', 'period', 'dela')}
    <bpmn:parallelGateway id="dela" name="Dela" />
    ${flow('f4', 'dela', 'varv')}
    ${offLoop}`);

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ processes: [] });
});
afterEach(() => h.close());

const problemsOf = async (xml: string) => (await h.runtime.checkDefinition(xml)).problems;

describe('a timer that repeats without interrupting', () => {
  test('when it leads to a user task, then the task is refused with the timer named, and nothing is published', async () => {
    // given
    const xml = timerOnWaitingTask(cycle, `${flow('f3', 'kvartal', 'skal')}${task('skal', 'Ange skälet till dröjsmålet')}${flow('f4', 'skal', 'klar')}<bpmn:endEvent id="klar" name="Klar" />`);
    // when
    const problems = await problemsOf(xml);
    const publish = h.runtime.deploy(xml, actors.admin);
    // then
    expect(problems).toEqual([{ elementId: 'skal', message: expect.stringContaining('nås från timern "Var 3:e månad", som löser ut upprepade gånger') }]);
    await expect(publish).rejects.toMatchObject({ code: 'invalid_definition' });
  });

  test('when it leads only to a bevakning, then the diagram is accepted: a service task never waits for a person', async () => {
    // given
    const xml = timerOnWaitingTask(cycle, `${flow('f3', 'kvartal', 'ivo')}${bevakning('ivo', 'Bevakning till IVO-rapportören')}${flow('f4', 'ivo', 'klar')}<bpmn:endEvent id="klar" name="Klar" />`);
    // when
    const problems = await problemsOf(xml);
    // then
    expect(problems).toEqual([]);
  });

  test('when a timer fires once (a duration) and leads to a user task, then it is accepted: one token per visit', async () => {
    // given
    const xml = timerOnWaitingTask(timer('P3D'), `${flow('f3', 'kvartal', 'paminn')}${task('paminn', 'Påminn om beställningen')}${flow('f4', 'paminn', 'klar')}<bpmn:endEvent id="klar" name="Klar" />`);
    // when
    const problems = await problemsOf(xml);
    // then
    expect(problems).toEqual([]);
  });
});

describe('a loop with a split in it', () => {
  test('when the split sends a token to a user task off the loop every round, then the task is refused', async () => {
    // given
    const xml = loopWithSplit(`${flow('f5', 'dela', 'skal')}${task('skal', 'Ange skälet till dröjsmålet')}${flow('f6', 'skal', 'klar')}<bpmn:endEvent id="klar" name="Klar" />`);
    // when
    const problems = await problemsOf(xml);
    // then
    expect(problems).toEqual([{ elementId: 'skal', message: expect.stringContaining('får ett nytt flöde varje varv i slingan genom "Dela"') }]);
  });

  test('when the task is drawn in the loop itself, so the next round waits for it, then it is accepted', async () => {
    // given: period → task → period, one token going round
    const xml = diagram(`${flow('f1', 'start', 'varv')}
      <bpmn:exclusiveGateway id="varv" name="Nästa varv" />
      ${flow('f2', 'varv', 'period')}
      <bpmn:intermediateCatchEvent id="period" name="Tre månader">${timer('P3M')}</bpmn:intermediateCatchEvent>
      ${flow('f3', 'period', 'skal')}
      ${task('skal', 'Ange skälet till dröjsmålet')}
      ${flow('f4', 'skal', 'fler')}
      <bpmn:exclusiveGateway id="fler" name="Fler perioder?" default="f5" />
      ${flow('f5', 'fler', 'varv')}
      <bpmn:sequenceFlow id="f6" name="Nej" sourceRef="fler" targetRef="klar"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">klar = true</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:endEvent id="klar" name="Klar" />`);
    // when
    const problems = await problemsOf(xml);
    // then
    expect(problems).toEqual([]);
  });

  test('when the split sends both its tokens round the loop, then the split itself is refused: the tokens double each round', async () => {
    // given
    const xml = loopWithSplit(flow('f5', 'dela', 'varv'));
    // when
    const problems = await problemsOf(xml);
    // then
    expect(problems).toContainEqual({ elementId: 'dela', message: expect.stringContaining('fler än ett flöde tillbaka in i samma slinga') });
  });
});

describe('two branches of a split', () => {
  const branches = (merge: string) =>
    diagram(`${flow('f1', 'start', 'dela')}
      <bpmn:parallelGateway id="dela" name="Dela" />
      ${flow('f2', 'dela', 'a')}${flow('f3', 'dela', 'b')}
      ${bevakning('a', 'Bevakning A')}${bevakning('b', 'Bevakning B')}
      ${flow('f4', 'a', 'mots')}${flow('f5', 'b', 'mots')}
      ${merge}
      ${flow('f6', 'mots', 'uppgift')}
      ${task('uppgift', 'Följ upp')}
      ${flow('f7', 'uppgift', 'slut')}
      <bpmn:endEvent id="slut" name="Slut" />`);

  test('when they meet at a user task through an exclusive gateway, then the task is refused: it would be reached twice', async () => {
    // given
    const xml = branches('<bpmn:exclusiveGateway id="mots" name="Möts" />');
    // when
    const problems = await problemsOf(xml);
    // then
    expect(problems).toEqual([{ elementId: 'uppgift', message: expect.stringContaining('kan nås av två flöden samtidigt från "Dela"') }]);
  });

  test('when they meet in a parallel join first, then it is accepted', async () => {
    // given
    const xml = branches('<bpmn:parallelGateway id="mots" name="Möts" />');
    // when
    const problems = await problemsOf(xml);
    // then
    expect(problems).toEqual([]);
  });
});
