import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DefinitionError } from '../../../src/errors.js';
import { actors, fixturesDir, startHarness } from '../../helpers/runtime-harness.js';
import { testHandlers } from '../../helpers/test-handlers.js';

const fixture = (name: string) => readFile(path.join(fixturesDir, 'structure', name), 'utf8');
const messageStart = '<bpmn:messageEventDefinition messageRef="kompletteringInkommen" />';

/** The problems that stop a boot with this diagram, as "<element> message". */
async function bootProblems(file: string, xml: string): Promise<string[]> {
  const boot = startHarness({ processes: [[file, xml]], handlers: testHandlers });
  const err = await boot.then((h) => h.close().then(() => null), (e: unknown) => e);
  expect(err).toBeInstanceOf(DefinitionError);
  return (err as DefinitionError).problems.map((p) => `<${p.elementId}> ${p.message}`);
}

describe('event sub-process checks', () => {
  test.each([
    ['a signal', '<bpmn:signalEventDefinition signalRef="larm" />', /^<komplettering> Den händelsestyrda delprocessen "Komplettering" startar med en signal, .*Låt delprocessen starta med en timer, ett meddelande/],
    ['a condition', '<bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">=klar</bpmn:condition></bpmn:conditionalEventDefinition>', /^<komplettering> .*startar med ett villkor, som inte stöds\. .*ett meddelande när/],
    ['an escalation', '<bpmn:escalationEventDefinition escalationRef="eskalering" />', /^<komplettering> .*startar med en eskalering, som inte stöds\. Låt delprocessen starta med/],
    ['compensation', '<bpmn:compensateEventDefinition />', /^<komplettering> .*startar med kompensation, som inte stöds\. Rita ångrandet/],
  ])('when an event sub-process starts with %s, then the deploy is refused saying what to draw instead', async (_, definition, expected) => {
    // given
    const xml = (await fixture('handelse-bredvid.bpmn'))
      .replace(messageStart, definition)
      .replace('<bpmn:process ', '<bpmn:signal id="larm" name="Larm" /><bpmn:escalation id="eskalering" name="Eskalering" escalationCode="E" /><bpmn:process ');
    // when
    const problems = await bootProblems('handelse-bredvid.bpmn', xml);
    // then
    expect(problems).toContainEqual(expect.stringMatching(expected));
  });

  test('when a non-interrupting repeating timer starts a sub-process with a task in it, then the task is refused as a queue behind itself', async () => {
    // given: the weekly reminder is a task instead of a bevakning
    const xml = (await fixture('handelse-bredvid.bpmn')).replace(
      /<bpmn:serviceTask id="paminn"[\s\S]*?<\/bpmn:serviceTask>/,
      '<bpmn:userTask id="paminn" name="Påminn enhetschefen" camunda:candidateGroups="enhetschef" />',
    );
    // when
    const problems = await bootProblems('handelse-bredvid.bpmn', xml);
    // then
    expect(problems).toEqual([expect.stringMatching(/^<paminn> Steget nås från "Varje vecka", som startar delprocessen upprepade gånger utan att avbryta\. .*tjänsteuppgifter/)]);
  });

  test('when the same repeating timer interrupts, then it is accepted: it fires once', async () => {
    // given
    const xml = (await fixture('handelse-bredvid.bpmn'))
      .replace(/<bpmn:serviceTask id="paminn"[\s\S]*?<\/bpmn:serviceTask>/, '<bpmn:userTask id="paminn" name="Påminn enhetschefen" camunda:candidateGroups="enhetschef" />')
      .replace('name="Varje vecka" isInterrupting="false"', 'name="Varje vecka"');
    // when
    const h = await startHarness({ processes: [['handelse-bredvid.bpmn', xml]], handlers: testHandlers });
    const { id } = await h.runtime.startInstance('handelse-bredvid', { variables: {} }, actors.handlaggare);
    const waitingFor = h.runtime.getInstance(id).waitingFor.map((w) => w.elementId);
    await h.close();
    // then
    expect(waitingFor).toEqual(['kompletteringStart', 'varjeVecka']);
  });

  test('when an error start does not interrupt, or names no error code, then it is refused', async () => {
    // given
    const base = await fixture('handelse-avbrytande.bpmn');
    const notInterrupting = base.replace('<bpmn:startEvent id="ingenPlatsStart" name="Ingen plats">', '<bpmn:startEvent id="ingenPlatsStart" name="Ingen plats" isInterrupting="false">');
    const noCode = base.replace('<bpmn:errorEventDefinition errorRef="ingenPlats" />', '<bpmn:errorEventDefinition />');
    // when
    const [first, second] = [await bootProblems('handelse-avbrytande.bpmn', notInterrupting), await bootProblems('handelse-avbrytande.bpmn', noCode)];
    // then
    expect(first).toContainEqual(expect.stringMatching(/^<platsSaknas> .*startar med ett fel utan att avbryta; ett fel avbryter alltid/));
    expect(second).toContainEqual(expect.stringMatching(/^<platsSaknas> .*felhändelsen måste referera till ett bpmn:error med errorCode/));
  });

  test('when an event sub-process lies inside another, or an id takes the reserved prefix, then it is refused', async () => {
    // given
    const base = await fixture('handelse-avbrytande.bpmn');
    const nested = base.replace(
      '<bpmn:endEvent id="avslutat" name="Avslutat" />',
      '<bpmn:endEvent id="avslutat" name="Avslutat" /><bpmn:subProcess id="inre" name="Inre" triggeredByEvent="true"><bpmn:startEvent id="inreStart" name="Tio dagar"><bpmn:timerEventDefinition><bpmn:timeDuration>P10D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent></bpmn:subProcess>',
    );
    const reserved = base.replaceAll('"klart"', '"__eventScope-klart"');
    // when
    const [first, second] = [await bootProblems('handelse-avbrytande.bpmn', nested), await bootProblems('handelse-avbrytande.bpmn', reserved)];
    // then
    expect(first).toContainEqual(expect.stringMatching(/^<inre> Den händelsestyrda delprocessen "Inre" ligger i en annan händelsestyrd delprocess/));
    expect(second).toContainEqual(expect.stringMatching(/^<__eventScope-klart> Id:n som börjar med __eventScope- är reserverade/));
  });
});
