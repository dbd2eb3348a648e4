import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { DefinitionError } from '../../src/errors.js';
import { actors, fixturesDir, startHarness, type Harness } from '../helpers/runtime-harness.js';

const fixture = (name: string) => readFile(path.join(fixturesDir, 'engine', name), 'utf8');

async function bootProblems(file: string, xml: string): Promise<string[]> {
  try {
    const h = await startHarness({ processes: [[file, xml]] });
    await h.close();
  } catch (err) {
    expect(err).toBeInstanceOf(DefinitionError);
    return (err as DefinitionError).problems.map((p) => `${p.file} <${p.elementId}> ${p.message}`);
  }
  throw new Error('the boot did not stop');
}

describe('definitions at boot', () => {
  test('when a file is not well-formed XML, then the boot stops naming the file', async () => {
    // given / when
    const problems = await bootProblems('trasig.bpmn', '<bpmn:definitions><bpmn:process');
    // then
    expect(problems.join('\n')).toMatch(/^trasig\.bpmn/);
  });

  test('when a diagram has a script task, then the boot stops naming the element', async () => {
    // given
    const xml = (await fixture('vantetid.bpmn')).replace('<bpmn:userTask id="folja" name="Följ upp" camunda:candidateGroups="enhetschef" camunda:assignee="enhetschef" />', '<bpmn:scriptTask id="folja" name="Följ upp" scriptFormat="javascript"><bpmn:script>process.exit(1)</bpmn:script></bpmn:scriptTask>');
    // when
    const problems = await bootProblems('vantetid.bpmn', xml);
    // then
    expect(problems).toEqual([expect.stringMatching(/^vantetid\.bpmn <folja> Skriptuppgifter är inte tillåtna/)]);
  });

  test('when a condition is a script or JavaScript-style expression, then it is refused', async () => {
    // given
    const base = await fixture('beslut-svar.bpmn');
    const script = base.replace('<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">svar = "ja"', '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">next(null, true)');
    const juel = base.replace('svar = "ja"</bpmn:conditionExpression>', "${this.constructor.constructor('return process')()}</bpmn:conditionExpression>");
    // when
    const scriptProblems = await bootProblems('beslut-svar.bpmn', script);
    const juelProblems = await bootProblems('beslut-svar.bpmn', juel);
    // then
    expect(scriptProblems.join('\n')).toMatch(/<svarJa> Villkor i språket "javascript" är skript, och ett diagram kör aldrig kod här/);
    expect(juelProblems.join('\n')).toMatch(/<svarJa> Villkoret/);
  });

  test('when a service task names an unknown handler, then the known handlers are listed', async () => {
    // given
    const xml = (await fixture('beslut-svar.bpmn')).replace('environment.services.sendBevakning', 'environment.services.raderaAllt');
    // when
    const problems = await bootProblems('beslut-svar.bpmn', xml);
    // then
    expect(problems.join('\n')).toMatch(/<skickaIvo> Okänd hanterare "raderaAllt"\. Kända hanterare: .*sendBevakning/);
  });

  test('when a form field has an unknown type or a timer does not parse, then both are reported at once', async () => {
    // given
    const xml = (await fixture('beslut-svar.bpmn'))
      .replace('id="kommentar" label="Kommentar" type="text"', 'id="kommentar" label="Kommentar" type="fil"')
      .replace('="R/" + string(date(beslutsdatum) + duration("P3M")) + "/P3M"', 'var tredje månad');
    // when
    const problems = await bootProblems('beslut-svar.bpmn', xml);
    // then
    expect(problems.some((p) => p.includes('kommentar') && p.includes('fil'))).toBe(true);
    expect(problems.some((p) => p.startsWith('beslut-svar.bpmn <ivoBevakning> Timerns cykel "var tredje månad"'))).toBe(true);
  });

  test('when a message declares its variables with a field of unknown type, then the boot stops naming the message', async () => {
    // given
    const xml = (await fixture('avbrott.bpmn')).replace('<camunda:formField id="avlidenDatum" label="Avliden den" type="date" />', '<camunda:formField id="avlidenDatum" type="fil" />');
    // when
    const problems = await bootProblems('avbrott.bpmn', xml);
    // then
    expect(problems).toEqual([expect.stringMatching(/^avbrott\.bpmn <brukareAvliden> Formulärfältet "avlidenDatum": .*fil/)]);
  });

  test('when a diagram has an event sub-process started by a signal, then it is refused saying what to draw instead', async () => {
    // given: event sub-processes with timer, message and error starts run (test/engine/structure); a signal cannot reach a case
    const xml = (await fixture('vantetid.bpmn')).replace('<bpmn:process ', '<bpmn:signal id="larm" name="Larm" /><bpmn:process ').replace(
      '<bpmn:endEvent id="slut" name="Klart" />',
      '<bpmn:endEvent id="slut" name="Klart" /><bpmn:subProcess id="avbryt" name="Avbryt" triggeredByEvent="true"><bpmn:startEvent id="inre" name="Larm"><bpmn:signalEventDefinition signalRef="larm" /></bpmn:startEvent></bpmn:subProcess>',
    );
    // when
    const problems = await bootProblems('vantetid.bpmn', xml);
    // then
    expect(problems).toContainEqual(expect.stringMatching(/^vantetid\.bpmn <avbryt> Den händelsestyrda delprocessen "Avbryt" startar med en signal, .* Låt delprocessen starta med en timer, ett meddelande/));
  });

  test('when a multi-instance task has a completion condition and no list, then it is refused for each (test/engine/structure/multi-instance-checks has the rest)', async () => {
    // given
    const xml = (await fixture('vantetid.bpmn')).replace(
      'camunda:assignee="enhetschef" />',
      'camunda:assignee="enhetschef"><bpmn:multiInstanceLoopCharacteristics><bpmn:completionCondition>antal &gt; 3</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>',
    );
    // when
    const problems = await bootProblems('vantetid.bpmn', xml);
    // then
    expect(problems).toEqual([
      expect.stringMatching(/<folja> Ett villkor som avslutar i förtid \(completionCondition\) stöds inte/),
      expect.stringMatching(/<folja> Multi-instansen saknar lista/),
    ]);
  });

  test('when the file name is not the process id, then the boot stops', async () => {
    // given / when
    const problems = await bootProblems('annat-namn.bpmn', await fixture('vantetid.bpmn'));
    // then
    expect(problems.join('\n')).toMatch(/Filnamnet måste vara processens id: vantetid\.bpmn/);
  });
});

describe('message variables at boot', () => {
  /** The avbrott fixture with its message declaring `fields` (camunda:formField XML) and, optionally, `extra` extensions. */
  const withMessageFields = async (fields: string, extra = '') =>
    (await fixture('avbrott.bpmn')).replace(
      '<camunda:formField id="avlidenDatum" label="Avliden den" type="date" />\n      </camunda:formData>',
      `<camunda:formField id="avlidenDatum" label="Avliden den" type="date" />${fields}\n      </camunda:formData>${extra}`,
    );

  test('when a message declares a field of the start form, then the boot stops naming the message and the field', async () => {
    // given: beslutsdatum is the start form's decision date
    const xml = await withMessageFields('<camunda:formField id="beslutsdatum" label="Nytt beslutsdatum" type="date" />');
    // when
    const problems = await bootProblems('avbrott.bpmn', xml);
    // then
    expect(problems).toEqual([
      'avbrott.bpmn <brukareAvliden> Meddelandet "Brukare avliden" får inte ta emot variabeln "beslutsdatum": den hör till startformuläret, och beslutet kan inte ändras efter starten.',
    ]);
  });

  test('when a message declares a bad type, a readonly or a default value, or carries a listener, then each is refused at the message', async () => {
    // given
    const xml = await withMessageFields(
      '<camunda:formField id="bilaga" label="Bilaga" type="fil" />' +
        '<camunda:formField id="visas" label="Visas" type="string"><camunda:validation><camunda:constraint name="readonly" /></camunda:validation></camunda:formField>' +
        '<camunda:formField id="orsak" label="Orsak" type="string" defaultValue="okänd" />',
      '<camunda:executionListener event="start" expression="${x}" />',
    );
    // when
    const problems = await bootProblems('avbrott.bpmn', xml);
    // then
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^avbrott\.bpmn <brukareAvliden> Tillägget camunda:executionListener på ett meddelande är en lyssnare/),
      expect.stringMatching(/^avbrott\.bpmn <brukareAvliden> Formulärfältet "bilaga": okänd typ "fil"/),
      expect.stringMatching(/^avbrott\.bpmn <brukareAvliden> Variabeln "visas": readonly passar inte ett meddelande/),
      expect.stringMatching(/^avbrott\.bpmn <brukareAvliden> Variabeln "orsak": ett meddelande har inga standardvärden/),
    ]));
    expect(problems).toHaveLength(4);
  });
});

describe('versions', () => {
  let h: Harness;
  afterEach(() => h?.close());

  test('when the same diagram is deployed again, then no new version is made', async () => {
    // given
    h = await startHarness({ processes: ['engine/vantetid.bpmn'] });
    // when
    const again = await h.runtime.deploy(await fixture('vantetid.bpmn'), actors.admin);
    await h.restart();
    // then
    expect(again).toEqual({ key: 'vantetid', version: 1, warnings: [] });
    expect(h.runtime.getProcess('vantetid').versions).toHaveLength(1);
  });

  test('when a changed version was published and the server restarts with the directory\'s older file, then the published version stays the newest; a changed file is deployed', async () => {
    // given
    h = await startHarness({ processes: ['engine/vantetid.bpmn'] });
    const file = await fixture('vantetid.bpmn');
    await h.runtime.deploy(file.replace('name="Följ upp"', 'name="Följ upp igen"'), actors.admin);
    // when
    await h.restart();
    const afterRestart = h.runtime.getProcess('vantetid').versions.length;
    await writeFile(path.join(h.processesDir, 'vantetid.bpmn'), file.replace('name="Följ upp"', 'name="Följ upp en tredje gång"'));
    await h.restart();
    // then
    expect(afterRestart).toBe(2);
    expect(h.runtime.getProcess('vantetid').versions).toHaveLength(3);
  });

  test('when a changed diagram is deployed, then new instances use it and running ones stay on theirs', async () => {
    // given
    h = await startHarness({ processes: ['engine/beslut-svar.bpmn'] });
    const v1 = await fixture('beslut-svar.bpmn');
    const old = await h.runtime.startInstance('beslut-svar', { variables: { beslutsdatum: '2027-01-15', brukare: 'A' } }, actors.handlaggare);
    // when
    // v2 drops the move-in task: "ja" goes straight to the end.
    const v2 = v1
      .replace('targetRef="inflyttning"', 'targetRef="verkstallt"')
      .replace(/<bpmn:userTask id="inflyttning"[\s\S]*?<\/bpmn:userTask>/, '')
      .replace(/<bpmn:sequenceFlow id="toVerkstallt"[^>]*\/>/, '')
      .replace(/<bpmndi:BPMN(Shape|Edge) id="(inflyttning|toVerkstallt)_di"[\s\S]*?<\/bpmndi:BPMN\1>/g, '');
    const deployed = await h.runtime.deploy(v2, actors.admin);
    const fresh = await h.runtime.startInstance('beslut-svar', { variables: { beslutsdatum: '2027-01-15', brukare: 'B' } }, actors.handlaggare);
    for (const id of [old.id, fresh.id]) {
      const [task] = h.runtime.listTasks({ instanceId: id }, actors.enhetschef);
      await h.runtime.completeTask(task!.id, { svar: 'ja' }, actors.enhetschef);
    }
    // then
    expect(deployed).toEqual({ key: 'beslut-svar', version: 2, warnings: [] });
    expect(h.runtime.getInstance(old.id)).toMatchObject({ version: 1, state: 'running', active: [{ elementId: 'inflyttning', name: 'Dokumentera inflyttning' }] });
    expect(h.runtime.getInstance(fresh.id)).toMatchObject({ version: 2, state: 'completed' });
    expect(h.runtime.listProcesses()).toEqual([expect.objectContaining({ key: 'beslut-svar', version: 2 })]);
  });

  test('when an upload breaks a rule, then it is refused with every problem and the old version stays', async () => {
    // given
    h = await startHarness({ processes: ['engine/vantetid.bpmn'] });
    const bad = (await fixture('vantetid.bpmn')).replace('camunda:candidateGroups="enhetschef"', 'camunda:candidateGroups="hackare"');
    // when
    const attempt = h.runtime.deploy(bad, actors.admin);
    // then
    await expect(attempt).rejects.toMatchObject({ code: 'invalid_definition', fields: [{ field: 'folja', message: expect.stringContaining('hackare') }] });
    expect(h.runtime.getProcess('vantetid').version).toBe(1);
  });
});
