// Every refusal names the element and says what to draw or write instead, in the analyst's own spelling: extension
// elements are named for what they are, refused events say which event to use, JUEL conditions are read as ${…}.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkDefinition } from '../../src/engine/definitions/compile-definition.js';
import { fixturesDir } from '../helpers/runtime-harness.js';

const handlers = new Set(['registrera']);
const vantetid = () => readFile(path.join(fixturesDir, 'engine', 'vantetid.bpmn'), 'utf8');
const operaton = () => readFile(path.join(fixturesDir, 'spellings', 'operaton-ansokan.bpmn'), 'utf8');
const villkor = () => readFile(path.join(fixturesDir, 'spellings', 'camunda-villkor.bpmn'), 'utf8');

/** The problems of `xml` as element → messages. */
async function problemsOf(xml: string): Promise<{ elementId: string | null; message: string }[]> {
  const { problems } = await checkDefinition(xml, 'test.bpmn', handlers);
  return problems.map(({ elementId, message }) => ({ elementId, message }));
}

/** vantetid with `extension` inside the user task "folja". */
async function withTaskExtension(extension: string): Promise<string> {
  const xml = (await vantetid()).replace(
    '<bpmn:userTask id="folja" name="Följ upp" camunda:candidateGroups="enhetschef" camunda:assignee="enhetschef" />',
    `<bpmn:userTask id="folja" name="Följ upp" camunda:candidateGroups="enhetschef"><bpmn:extensionElements>${extension}</bpmn:extensionElements></bpmn:userTask>`,
  );
  expect(xml).toContain(extension);
  return xml;
}

/** vantetid with the timer "tremanader" waiting for `definition` instead. */
async function withCatchEvent(definition: string, roots = ''): Promise<string> {
  return (await vantetid())
    .replace(/<bpmn:timerEventDefinition>[\s\S]*?<\/bpmn:timerEventDefinition>/, definition)
    .replace('<bpmn:process id="vantetid"', `${roots}<bpmn:process id="vantetid"`);
}

describe('extension elements are named for what they are', () => {
  test.each([
    ['<camunda:executionListener event="start" class="a.B" />', 'Tillägget camunda:executionListener är en lyssnare, som kör kod', 'tjänsteuppgift med en registrerad hanterare'],
    ['<camunda:taskListener event="create" class="a.B" />', 'Tillägget camunda:taskListener är en uppgiftslyssnare', 'roll (candidateGroups)'],
    ['<camunda:inputOutput><camunda:inputParameter name="x">1</camunda:inputParameter></camunda:inputOutput>', 'Tillägget camunda:inputOutput är en in-/utdatamappning', 'Ta bort den'],
    ['<camunda:failedJobRetryTimeCycle>R3/PT5M</camunda:failedJobRetryTimeCycle>', 'Tillägget camunda:failedJobRetryTimeCycle är en inställning för automatiska omförsök', 'det blir en incident, och en administratör försöker om det'],
    ['<camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>', 'Tillägget camunda:connector är en connector', 'registrerad hanterare'],
    ['<camunda:field name="x" stringValue="y" />', 'Tillägget camunda:field är ett fält som skickas in i en Java-klass', 'camunda:properties'],
    ['<camunda:potentialStarter />', 'Tillägget camunda:potentialStarter anger vem som får starta ärenden', 'candidateStarterGroups'],
    ['<camunda:in variables="all" />', 'Tillägget camunda:in skickar variabler till en anropad rutin och hör bara till en anropsaktivitet', 'Ta bort det här'],
  ])('when a user task carries %s, then the refusal at the task says what it is and what to do instead', async (extension, what, instead) => {
    // given
    const xml = await withTaskExtension(extension);
    // when
    const problems = await problemsOf(xml);
    // then
    expect(problems).toContainEqual({ elementId: 'folja', message: expect.stringContaining(what) });
    expect(problems).toContainEqual({ elementId: 'folja', message: expect.stringContaining(instead) });
  });

  test('when an extension is of a kind nobody reads, then the refusal says to remove it and what may stand there', async () => {
    // given
    const xml = (await withTaskExtension('<ext:whatever />')).replace('<bpmn:definitions ', '<bpmn:definitions xmlns:ext="http://example.org/ext" ');
    // when
    const problems = await problemsOf(xml);
    // then
    expect(problems).toContainEqual({ elementId: 'folja', message: expect.stringMatching(/^Tillägget ext:whatever stöds inte och skulle aldrig läsas\. Ta bort det; det som går att ange här är formulärfält/) });
  });
});

describe('refused events say what to draw instead', () => {
  test.each([
    ['a conditional event', '<bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">klar</bpmn:condition></bpmn:conditionalEventDefinition>', '', 'Använd en meddelandehändelse'],
    ['a signal', '<bpmn:signalEventDefinition signalRef="sig" />', '<bpmn:signal id="sig" name="Signal" />', 'Använd en meddelandehändelse'],
    ['an escalation', '<bpmn:escalationEventDefinition escalationRef="esk" />', '<bpmn:escalation id="esk" name="Eskalering" escalationCode="E1" />', 'Använd en felhändelse'],
    ['a link', '<bpmn:linkEventDefinition name="L" />', '', 'Rita flödet direkt mellan stegen'],
  ])('when the timer is %s instead, then it is refused at the event with what to draw', async (_kind, definition, roots, instead) => {
    // given
    const xml = await withCatchEvent(definition, roots);
    // when
    const problems = await problemsOf(xml);
    // then
    expect(problems).toContainEqual({ elementId: 'tremanader', message: expect.stringContaining(instead) });
  });

  test('when a service task names a Java class and a result variable, then each attribute says why and what to choose', async () => {
    // given
    const xml = (await vantetid()).replace(
      /<bpmn:userTask id="folja"[^>]*\/>/,
      '<bpmn:serviceTask id="folja" name="Följ upp" camunda:class="se.kommun.Folj" camunda:resultVariable="svar" />',
    );
    // when
    const problems = await problemsOf(xml);
    // then
    expect(problems).toContainEqual({ elementId: 'folja', message: expect.stringMatching(/^camunda:class anropar Java-klassen "se\.kommun\.Folj"; ett diagram kör aldrig kod här\. Välj vad steget gör/) });
    expect(problems).toContainEqual({ elementId: 'folja', message: 'camunda:resultVariable behövs inte: hanterarens resultat blir ärendets variabler direkt. Ta bort attributet.' });
  });
});

describe('a form field with a reserved name', () => {
  test('when a user task names a field "output", then the refusal names the task and suggests another id', async () => {
    // given
    const xml = await withTaskExtension('<camunda:formData><camunda:formField id="output" label="Utfall" type="string" /></camunda:formData>');
    // when
    const problems = await problemsOf(xml);
    // then
    expect(problems).toContainEqual({ elementId: 'folja', message: 'Fältnamnet "output" är reserverat för systemet; välj ett annat id, t.ex. outputText.' });
  });
});

describe("messages in the analyst's own spelling", () => {
  test('when an Operaton diagram carries a listener and a task without a role, then the messages say operaton:, never camunda:', async () => {
    // given
    const xml = (await operaton())
      .replace('operaton:candidateGroups="enhetschef"', '')
      .replace('operaton:dueDate="P14D">\n      <bpmn:extensionElements>', 'operaton:dueDate="P14D">\n      <bpmn:extensionElements><operaton:executionListener event="start" class="a.B" />');
    // when
    const messages = (await problemsOf(xml)).filter((p) => p.elementId === 'bedom').map((p) => p.message);
    // then
    expect(messages).toContainEqual(expect.stringContaining('Tillägget operaton:executionListener är en lyssnare'));
    expect(messages).toContainEqual(expect.stringContaining('(operaton:candidateGroups), eller ange användare i operaton:candidateUsers'));
    expect(messages.join(' ')).not.toContain('camunda:');
  });
});

describe('messages about values read from zeebe:', () => {
  test('when a Camunda 8 task names an unknown role and a due date that does not parse, then the messages name the zeebe elements written', async () => {
    // given
    const xml = (await readFile(path.join(fixturesDir, 'modelers', 'zeebe-uppfoljning.bpmn'), 'utf8'))
      .replace('candidateGroups="enhetschef"', 'candidateGroups="=[&#34;chefen&#34;]"')
      .replace('dueDate="P7D"', 'dueDate="P7X"');
    // when
    const messages = (await problemsOf(xml)).filter((p) => p.elementId === 'folj').map((p) => p.message);
    // then
    expect(messages).toContainEqual(expect.stringMatching(/^Okänd roll "chefen" i zeebe:assignmentDefinition candidateGroups\./));
    expect(messages).toContainEqual(expect.stringMatching(/^zeebe:taskSchedule dueDate "P7X" går inte att tolka: /));
    expect(messages.join(' ')).not.toContain('camunda:');
  });
});

describe('JUEL conditions', () => {
  test('when a condition says language="juel" or is written #{…}, then it is read like ${…} and the diagram passes', async () => {
    // given
    const original = await villkor();
    const juel = original.replace(/<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\$\{/g, '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="juel">#{');
    expect(juel).not.toBe(original);
    // when
    const problems = await problemsOf(juel);
    // then
    expect(problems).toEqual([]);
  });

  test('when a juel condition is beyond the grammar or a condition is a script, then it is refused with what is allowed', async () => {
    // given
    const original = await villkor();
    const beyond = original.replace(/(<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression")>\$\{[^<]*\}/, '$1 language="JUEL">${execution.getVariable(&quot;x&quot;)}');
    const script = original.replace(/(<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression")>\$\{[^<]*\}/, '$1 language="javascript">next()');
    expect(new Set([original, beyond, script]).size).toBe(3);
    // when
    const [beyondProblems, scriptProblems] = await Promise.all([problemsOf(beyond), problemsOf(script)]);
    // then
    expect(beyondProblems).toEqual([{ elementId: expect.any(String), message: expect.stringMatching(/^Villkoret \$\{…\} kan inte översättas till FEEL: anrop som execution\.getVariable\(…\) är inte tillåtna\. Tillåtet i \$\{…\} och #\{…\} är namn/) }]);
    expect(scriptProblems).toEqual([{ elementId: expect.any(String), message: expect.stringMatching(/^Villkor i språket "javascript" är skript, och ett diagram kör aldrig kod här\. Skriv villkoret i FEEL/) }]);
  });
});
