import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { actors, fixturesDir, startHarness, type Harness } from '../../helpers/runtime-harness.js';
import { testHandlers } from '../../helpers/test-handlers.js';

const active = (h: Harness, id: string) => h.runtime.getInstance(id).active.map((a) => a.elementId);
const history = async (h: Harness, id: string) => (await h.runtime.getHistory(id)).map((e) => `${e.type} ${e.elementId ?? ''}`.trim());
const timers = (h: Harness, id: string) => h.runtime.getInstance(id).waitingFor.filter((w) => w.type === 'timer');
const tasksOf = (h: Harness, id: string, actor: (typeof actors)[keyof typeof actors]) => h.runtime.listTasks({ instanceId: id }, actor).map((t) => t.elementId);

describe.each([100, 0])('event sub-processes (engines kept: %i)', (engineCacheSize) => {
  let h: Harness;
  afterEach(() => h?.close());
  const start = async (key: string, variables: Record<string, unknown> = {}) => {
    h = await startHarness({
      engineCacheSize,
      processes: ['structure/handelse-avbrytande.bpmn', 'structure/handelse-bredvid.bpmn', 'structure/handelse-i-delprocess.bpmn'],
      handlers: testHandlers,
      start: '2027-01-15T08:00:00Z',
    });
    return (await h.runtime.startInstance(key, { variables }, actors.handlaggare)).id;
  };

  test('when an interrupting timer start falls due after a restart, then the steps of the process are cancelled and the event sub-process runs', async () => {
    // given
    const id = await start('handelse-avbrytande', { utfall: 'ok' });
    const before = h.runtime.getInstance(id);
    // when
    await h.restart();
    await h.runtime.moveClock({ to: '2027-02-20T08:00:00Z' });
    // then: the start events wait as armed events, not as positions; the case stands at the task inside
    expect(before.active.map((a) => a.elementId)).toEqual(['utred']);
    expect(before.waitingFor).toEqual([
      expect.objectContaining({ type: 'message', elementId: 'aterkalladStart', name: 'Ansökan återkallad', messageId: 'ansokanAterkallad' }),
      expect.objectContaining({ type: 'timer', elementId: 'trettioDagar', name: 'Trettio dagar', due: '2027-02-14T08:00:00.000Z' }),
    ]);
    expect(active(h, id)).toEqual(['forsenad']);
    expect(tasksOf(h, id, actors.handlaggare)).toEqual([]);
    expect(tasksOf(h, id, actors.enhetschef)).toEqual(['forsenad']);
    expect(h.runtime.getInstance(id).waitingFor).toEqual([]);
    const entries = await history(h, id);
    expect(entries).toEqual(expect.arrayContaining(['timer.scheduled trettioDagar', 'timer.fired trettioDagar', 'activity.left trettioDagar', 'task.created forsenad']));
    expect(entries.filter((e) => e.includes('__eventScope'))).toEqual([]);
    expect(entries.filter((e) => e.startsWith('activity.cancelled'))).toEqual(['activity.cancelled utred']);
    const named = (await h.runtime.getHistory(id)).find((e) => e.type === 'timer.fired');
    expect(named).toEqual(expect.objectContaining({ elementId: 'trettioDagar', elementName: 'Trettio dagar' }));
  });

  test('when the message of an interrupting start is delivered, then the process is cancelled, the timer disarmed and the case ends through the event sub-process', async () => {
    // given
    const id = await start('handelse-avbrytande', { utfall: 'ok' });
    // when
    await h.runtime.deliverMessage(id, 'ansokanAterkallad', {}, actors.handlaggare);
    const afterMessage = h.runtime.getInstance(id);
    const second = await h.runtime.deliverMessage(id, 'ansokanAterkallad', {}, actors.handlaggare).catch((e: unknown) => e);
    const [avsluta] = h.runtime.listTasks({ instanceId: id }, actors.enhetschef);
    await h.runtime.completeTask(avsluta!.id, {}, actors.enhetschef);
    // then
    expect(afterMessage.active.map((a) => a.elementId)).toEqual(['avsluta']);
    expect(afterMessage.waitingFor).toEqual([]);
    expect(second).toEqual(expect.objectContaining({ code: 'conflict' }));
    expect(h.runtime.getInstance(id).state).toBe('completed');
    expect(await history(h, id)).toEqual(expect.arrayContaining(['message.received', 'activity.left aterkalladStart', 'task.completed avsluta', 'instance.completed']));
  });

  test('when a handler throws a business error, then the event sub-process with that error start takes over', async () => {
    // given
    const id = await start('handelse-avbrytande', { utfall: 'affarsfel' });
    const [utred] = h.runtime.listTasks({ instanceId: id }, actors.handlaggare);
    // when
    await h.runtime.completeTask(utred!.id, {}, actors.handlaggare);
    // then
    expect(active(h, id)).toEqual(['hanteraIngenPlats']);
    expect(h.runtime.getInstance(id).incidents).toEqual([]);
    expect(timers(h, id)).toEqual([]);
  });

  test('when a non-interrupting cycle start falls due twice over a restart, then it runs each time beside the task, which stays open', async () => {
    // given
    const id = await start('handelse-bredvid');
    // when
    await h.runtime.moveClock({ to: '2027-01-23T08:00:00Z' });
    await h.restart();
    await h.runtime.moveClock({ to: '2027-01-30T08:00:00Z' });
    // then
    expect(active(h, id)).toEqual(['utred']);
    const entries = await history(h, id);
    expect(entries.filter((e) => e === 'timer.fired varjeVecka')).toHaveLength(2);
    expect(entries.filter((e) => e === 'activity.left paminn')).toHaveLength(2);
    expect(timers(h, id)).toEqual([expect.objectContaining({ elementId: 'varjeVecka', due: '2027-02-05T08:00:00.000Z' })]);
  });

  test('when the message of a non-interrupting start is delivered, then its task opens beside the process and the case ends when both are done', async () => {
    // given
    const id = await start('handelse-bredvid');
    // when
    await h.runtime.deliverMessage(id, 'kompletteringInkommen', {}, actors.handlaggare);
    const both = active(h, id);
    const waitingFor = h.runtime.getInstance(id).waitingFor.map((w) => w.elementId);
    const second = await h.runtime.deliverMessage(id, 'kompletteringInkommen', {}, actors.handlaggare).catch((e: unknown) => e);
    for (const elementId of ['utred', 'granska']) {
      const task = h.runtime.listTasks({ instanceId: id }, actors.handlaggare).find((t) => t.elementId === elementId);
      await h.runtime.completeTask(task!.id, {}, actors.handlaggare);
    }
    const [besluta] = h.runtime.listTasks({ instanceId: id }, actors.enhetschef);
    await h.runtime.completeTask(besluta!.id, {}, actors.enhetschef);
    // then: a non-interrupting message start takes one message per run of its scope
    expect(both.sort()).toEqual(['granska', 'utred']);
    expect(waitingFor).not.toContain('kompletteringStart');
    expect(second).toEqual(expect.objectContaining({ code: 'conflict' }));
    expect(h.runtime.getInstance(id).state).toBe('completed');
  });

  test('when the reminder of the issue\'s diagram falls due and the application is then withdrawn, then the reminder ran beside the task and the withdrawal ends it', async () => {
    // given: handelsestyrd.bpmn, refused before event sub-processes ran: an interrupting message, a non-interrupting P14D
    h = await startHarness({ engineCacheSize, processes: ['structure/handelsestyrd.bpmn'], start: '2027-01-15T08:00:00Z' });
    const { id } = await h.runtime.startInstance('handelsestyrd', { variables: {} }, actors.handlaggare);
    // when
    await h.runtime.moveClock({ to: '2027-01-30T08:00:00Z' });
    const reminded = active(h, id);
    await h.runtime.deliverMessage(id, 'ansokanAterkallad', {}, actors.handlaggare);
    // then
    expect(reminded).toEqual(['utred']);
    expect(await history(h, id)).toEqual(expect.arrayContaining(['timer.fired paminnelseStart', 'activity.left paminn']));
    expect(active(h, id)).toEqual(['avsluta']);
    expect(tasksOf(h, id, actors.handlaggare)).toEqual([]);
  });

  test('when an interrupting start fires while a non-interrupting event sub-process waits at a task, then that task is cancelled too', async () => {
    // given: the reminder is a task for the enhetschef
    const xml = (await readFile(path.join(fixturesDir, 'structure', 'handelsestyrd.bpmn'), 'utf8'))
      .replace(/<bpmn:serviceTask id="paminn"[\s\S]*?<\/bpmn:serviceTask>/, '<bpmn:userTask id="paminn" name="Påminn enhetschefen" camunda:candidateGroups="enhetschef" />');
    h = await startHarness({ engineCacheSize, processes: [['handelsestyrd.bpmn', xml]], start: '2027-01-15T08:00:00Z' });
    const { id } = await h.runtime.startInstance('handelsestyrd', { variables: {} }, actors.handlaggare);
    await h.runtime.moveClock({ to: '2027-01-30T08:00:00Z' });
    const both = active(h, id);
    // when
    await h.restart();
    await h.runtime.deliverMessage(id, 'ansokanAterkallad', {}, actors.handlaggare);
    // then
    expect(both.sort()).toEqual(['paminn', 'utred']);
    expect(active(h, id)).toEqual(['avsluta']);
    expect(tasksOf(h, id, actors.enhetschef)).toEqual(['avsluta']);
    expect((await history(h, id)).filter((e) => e.startsWith('activity.cancelled')).sort()).toEqual(['activity.cancelled paminn', 'activity.cancelled utred']);
  });

  test('when an event sub-process inside an embedded sub-process starts from its timer after a restart, then the case stands inside it and goes on after the sub-process', async () => {
    // given
    const id = await start('handelse-i-delprocess');
    const armed = timers(h, id).map((t) => t.elementId);
    // when
    await h.restart();
    await h.runtime.moveClock({ to: '2027-01-26T08:00:00Z' });
    const inside = active(h, id);
    const [skyndaPa] = h.runtime.listTasks({ instanceId: id }, actors.enhetschef);
    await h.runtime.completeTask(skyndaPa!.id, {}, actors.enhetschef);
    // then
    expect(armed).toEqual(['tioDagar']);
    expect(inside).toEqual(['skyndaPa']);
    expect(tasksOf(h, id, actors.handlaggare)).toEqual([]);
    expect(active(h, id)).toEqual(['besluta']);
  });
});

describe('event sub-processes nested in what an event sub-process holds', () => {
  let h: Harness;
  afterEach(() => h?.close());

  test('when an event sub-process holds an embedded sub-process with an event sub-process of its own, then both starts run', async () => {
    // given: "Fristen går ut" runs an embedded sub-process whose task is cut short after two days (drawing laid out)
    const inner =
      '<bpmn:subProcess id="inbaddad" name="Inbäddad"><bpmn:startEvent id="inStart" name="In" /><bpmn:sequenceFlow id="i1" sourceRef="inStart" targetRef="inTask" />' +
      '<bpmn:userTask id="inTask" name="Inre uppgift" camunda:candidateGroups="enhetschef" /><bpmn:sequenceFlow id="i2" sourceRef="inTask" targetRef="inSlut" /><bpmn:endEvent id="inSlut" name="Ut" />' +
      '<bpmn:subProcess id="inEsp" name="Inre frist" triggeredByEvent="true"><bpmn:startEvent id="inEspStart" name="Två dagar"><bpmn:timerEventDefinition><bpmn:timeDuration>P2D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>' +
      '<bpmn:sequenceFlow id="i3" sourceRef="inEspStart" targetRef="inEspSlut" /><bpmn:endEvent id="inEspSlut" name="Slut" /></bpmn:subProcess></bpmn:subProcess>';
    const xml = (await readFile(path.join(fixturesDir, 'structure', 'handelse-i-delprocess.bpmn'), 'utf8'))
      .replace('<bpmn:userTask id="skyndaPa" name="Skynda på utredningen" camunda:candidateGroups="enhetschef" />', inner)
      .replace('targetRef="skyndaPa"', 'targetRef="inbaddad"')
      .replace('sourceRef="skyndaPa"', 'sourceRef="inbaddad"')
      .replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '');
    h = await startHarness({ processes: [['handelse-i-delprocess.bpmn', xml]], start: '2027-01-15T08:00:00Z' });
    const { id } = await h.runtime.startInstance('handelse-i-delprocess', { variables: {} }, actors.handlaggare);
    // when
    await h.runtime.moveClock({ to: '2027-01-26T08:00:00Z' });
    const inside = active(h, id);
    await h.restart();
    await h.runtime.moveClock({ to: '2027-01-29T08:00:00Z' });
    // then
    expect(inside).toEqual(['inTask']);
    expect(active(h, id)).toEqual(['besluta']);
  });
});
