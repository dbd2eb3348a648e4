import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createLowdbStore } from '../../src/store/lowdb-store.js';
import { manualClockSetting } from '../../src/runtime/clock.js';
import { actors, fixturesDir, startHarness, type Harness } from '../helpers/runtime-harness.js';

const fired = async (h: Harness, id: string) => (await h.runtime.getHistory(id)).filter((e) => e.type === 'timer.fired');
/** When the IVO-rapportör's bevakningar were sent, oldest first. */
const ivoInbox = (h: Harness) => h.runtime.listInbox({ username: 'ivo', roles: ['ivo-rapportor'] }).map((b) => b.createdAt).reverse();

describe.each([100, 0])('durable timers (engines kept: %i)', (engineCacheSize) => {
  let h: Harness;
  afterEach(() => h?.close());

  test('when a P3M duration starts on 31 January, then it fires on 30 April, not before', async () => {
    // given
    h = await startHarness({ engineCacheSize, processes: ['engine/vantetid.bpmn'], start: '2027-01-31T08:00:00Z' });
    const { id } = await h.runtime.startInstance('vantetid', { variables: {} }, actors.admin);
    // when
    await h.runtime.moveClock({ to: '2027-04-30T06:59:59Z' });
    const before = h.runtime.getInstance(id).active;
    await h.runtime.moveClock({ to: '2027-04-30T07:00:00Z' });
    // then
    expect(before).toEqual([{ elementId: 'tremanader', name: 'Tre månader' }]);
    expect(h.runtime.getInstance(id).active).toEqual([{ elementId: 'folja', name: 'Följ upp' }]);
    expect(await fired(h, id)).toEqual([expect.objectContaining({ at: '2027-04-30T07:00:00.000Z', data: { dueAt: '2027-04-30T07:00:00.000Z' }, actor: 'system' })]);
  });

  test('when a 3-month cycle from the decision date runs, then a bevakning goes out each quarter until the task is done', async () => {
    // given
    h = await startHarness({ engineCacheSize, processes: ['engine/beslut-svar.bpmn'] });
    const { id } = await h.runtime.startInstance('beslut-svar', { variables: { beslutsdatum: '2027-01-15', brukare: 'A' } }, actors.handlaggare);
    // when
    await h.runtime.moveClock({ to: '2027-08-01T00:00:00Z' });
    const [task] = h.runtime.listTasks({ instanceId: id }, actors.enhetschef);
    await h.runtime.completeTask(task!.id, { svar: 'ja' }, actors.enhetschef);
    await h.runtime.moveClock({ to: '2028-01-01T00:00:00Z' });
    // then
    const inbox = h.runtime.listInbox({ username: 'ivo', roles: ['ivo-rapportor'] });
    expect(inbox.map((b) => [b.createdAt, b.group, b.subject, b.body])).toEqual([
      ['2027-07-14T22:00:00.000Z', 'ivo-rapportor', 'Ej verkställt beslut', 'Beslut 2027-01-15 är inte verkställt.'],
      ['2027-04-14T22:00:00.000Z', 'ivo-rapportor', 'Ej verkställt beslut', 'Beslut 2027-01-15 är inte verkställt.'],
    ]);
    expect(inbox.every((b) => b.instanceId === id && b.readAt === null)).toBe(true);
    expect(h.runtime.listInbox(actors.enhetschef)).toEqual([]);
  });

  test('when a 3-month cycle is armed with four periods already past, then it fires once now naming them, and next 3 months after the latest', async () => {
    // given
    h = await startHarness({ engineCacheSize, processes: ['engine/beslut-svar.bpmn'], start: '2027-01-15T08:00:00Z' });
    // when
    const { id } = await h.runtime.startInstance('beslut-svar', { variables: { beslutsdatum: '2025-12-15', brukare: 'A' } }, actors.handlaggare);
    const atStart = ivoInbox(h);
    await h.runtime.moveClock({ to: '2027-03-14T22:59:59Z' });
    const beforeNext = ivoInbox(h);
    await h.runtime.moveClock({ to: '2027-03-14T23:00:00Z' });
    // then
    expect(atStart).toEqual(['2027-01-15T08:00:00.000Z']);
    expect(beforeNext).toEqual(['2027-01-15T08:00:00.000Z']);
    expect(ivoInbox(h)).toEqual(['2027-01-15T08:00:00.000Z', '2027-03-14T23:00:00.000Z']);
    expect((await fired(h, id)).map((e) => [e.at, e.data])).toEqual([
      ['2027-01-15T08:00:00.000Z', { dueAt: '2026-12-14T23:00:00.000Z', missedPeriods: ['2026-03-14T23:00:00.000Z', '2026-06-14T22:00:00.000Z', '2026-09-14T22:00:00.000Z', '2026-12-14T23:00:00.000Z'] }],
      ['2027-03-14T23:00:00.000Z', { dueAt: '2027-03-14T23:00:00.000Z' }],
    ]);
  });

  test('when the clock moves across two periods after a catch-up, then each of them fires on its own date', async () => {
    // given
    h = await startHarness({ engineCacheSize, processes: ['engine/beslut-svar.bpmn'], start: '2027-01-15T08:00:00Z' });
    const { id } = await h.runtime.startInstance('beslut-svar', { variables: { beslutsdatum: '2025-12-15', brukare: 'A' } }, actors.handlaggare);
    // when
    await h.runtime.moveClock({ to: '2027-07-01T00:00:00Z' });
    // then
    expect(ivoInbox(h)).toEqual(['2027-01-15T08:00:00.000Z', '2027-03-14T23:00:00.000Z', '2027-06-14T22:00:00.000Z']);
    expect((await fired(h, id)).slice(1).map((e) => e.data)).toEqual([{ dueAt: '2027-03-14T23:00:00.000Z' }, { dueAt: '2027-06-14T22:00:00.000Z' }]);
  });

  test('when the server was down across several periods of a cycle, then the armed period fires and one more firing names the rest', async () => {
    // given
    h = await startHarness({ engineCacheSize, processes: ['engine/beslut-svar.bpmn'], start: '2027-01-15T08:00:00Z' });
    const { id } = await h.runtime.startInstance('beslut-svar', { variables: { beslutsdatum: '2027-01-15', brukare: 'A' } }, actors.handlaggare);
    await h.runtime.close();
    const store = createLowdbStore(h.dataDir);
    await store.open();
    await store.settings.set(manualClockSetting, '2028-01-20T08:00:00.000Z');
    await store.close();
    // when
    await h.restart();
    // then
    expect((await fired(h, id)).map((e) => [e.at, e.data])).toEqual([
      ['2028-01-20T08:00:00.000Z', { dueAt: '2027-04-14T22:00:00.000Z' }],
      ['2028-01-20T08:00:00.000Z', { dueAt: '2028-01-14T23:00:00.000Z', missedPeriods: ['2027-07-14T22:00:00.000Z', '2027-10-14T22:00:00.000Z', '2028-01-14T23:00:00.000Z'] }],
    ]);
    expect(ivoInbox(h)).toHaveLength(2);
  });

  test('when an interrupting deadline from a variable passes, then the task is cancelled and the escalation opens', async () => {
    // given
    h = await startHarness({ engineCacheSize, processes: ['engine/avbrott.bpmn'] });
    const { id } = await h.runtime.startInstance('avbrott', { variables: { beslutsdatum: '2027-01-10' } }, actors.admin);
    const [task] = h.runtime.listTasks({ instanceId: id }, actors.enhetschef);
    // when
    await h.runtime.moveClock({ to: '2027-04-10T00:00:00+02:00' });
    // then
    expect(h.runtime.getInstance(id).active).toEqual([{ elementId: 'eskalera', name: 'Förklara dröjsmålet' }]);
    await expect(h.runtime.completeTask(task!.id, {}, actors.enhetschef)).rejects.toMatchObject({ code: 'task_closed' });
  });

  test('when the decision date lies so far back that the deadline has passed, then the timer fires at once', async () => {
    // given
    h = await startHarness({ engineCacheSize, processes: ['engine/avbrott.bpmn'] });
    // when
    const { id } = await h.runtime.startInstance('avbrott', { variables: { beslutsdatum: '2026-09-01' } }, actors.admin);
    // then
    expect(h.runtime.getInstance(id).active).toEqual([{ elementId: 'eskalera', name: 'Förklara dröjsmålet' }]);
  });

  test('when a cycle sits on an intermediate event, then it waits for the first occurrence and fires once', async () => {
    // given
    const xml = (await readFile(path.join(fixturesDir, 'engine', 'vantetid.bpmn'), 'utf8')).replace(
      '<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P3M</bpmn:timeDuration>',
      '<bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/P1M</bpmn:timeCycle>',
    );
    h = await startHarness({ engineCacheSize, processes: [['vantetid.bpmn', xml]], start: '2027-01-31T08:00:00Z' });
    const { id } = await h.runtime.startInstance('vantetid', { variables: {} }, actors.admin);
    // when
    await h.runtime.moveClock({ to: '2027-06-01T00:00:00Z' });
    // then
    expect(h.runtime.getInstance(id).active).toEqual([{ elementId: 'folja', name: 'Följ upp' }]);
    expect(await fired(h, id)).toEqual([expect.objectContaining({ data: { dueAt: '2027-02-28T08:00:00.000Z' } })]);
  });

  test('when a timer start event waits for a date, then the instance starts its work on that date', async () => {
    // given
    h = await startHarness({ engineCacheSize, processes: ['engine/timerstart.bpmn'] });
    const { id } = await h.runtime.startInstance('timerstart', { variables: {} }, actors.admin);
    // when
    const before = h.runtime.listTasks({ instanceId: id }, actors.admin);
    await h.runtime.moveClock({ to: '2027-02-01T07:00:00Z' });
    // then
    expect(before).toEqual([]);
    expect(h.runtime.listTasks({ instanceId: id }, actors.admin)).toEqual([expect.objectContaining({ elementId: 'gora' })]);
  });

  test('when the server was down at the due time, then the timer fires exactly once when it starts again', async () => {
    // given
    h = await startHarness({ engineCacheSize, processes: ['engine/vantetid.bpmn'], start: '2027-01-31T08:00:00Z' });
    const { id } = await h.runtime.startInstance('vantetid', { variables: {} }, actors.admin);
    await h.runtime.close();
    const store = createLowdbStore(h.dataDir);
    await store.open();
    await store.settings.set(manualClockSetting, '2027-06-01T00:00:00.000Z');
    await store.close();
    // when
    await h.restart();
    await h.restart();
    // then
    expect(h.runtime.getInstance(id).active).toEqual([{ elementId: 'folja', name: 'Följ upp' }]);
    expect(await fired(h, id)).toEqual([expect.objectContaining({ at: '2027-06-01T00:00:00.000Z', data: { dueAt: '2027-04-30T07:00:00.000Z' } })]);
  });
});

describe('the manual clock', () => {
  let h: Harness;
  afterEach(() => h?.close());

  test('when two moves arrive together, then both count, and bad or backward moves are refused unchanged', async () => {
    // given
    h = await startHarness({ processes: ['engine/vantetid.bpmn'] });
    // when
    await Promise.all([h.runtime.moveClock({ advance: 'P1D' }), h.runtime.moveClock({ advance: 'P1D' })]);
    const bad = h.runtime.moveClock({ advance: 'P1000000000Y' });
    const backwards = h.runtime.moveClock({ to: '2027-01-01T00:00:00Z' });
    // then
    await expect(bad).rejects.toMatchObject({ code: 'bad_request' });
    await expect(backwards).rejects.toMatchObject({ code: 'bad_request', message: 'Klockan kan inte flyttas bakåt.' });
    expect(h.runtime.clockNow()).toEqual({ now: '2027-01-17T08:00:00.000Z', mode: 'manual' });
  });
});

describe.each([100, 0])('messages (engines kept: %i)', (engineCacheSize) => {
  let h: Harness;
  afterEach(() => h?.close());

  test('when a waited-for message arrives, then the instance follows it, and a second delivery is refused', async () => {
    // given
    h = await startHarness({ engineCacheSize, processes: ['engine/avbrott.bpmn'] });
    const { id } = await h.runtime.startInstance('avbrott', { variables: { beslutsdatum: '2027-01-10' } }, actors.admin);
    // when
    await h.runtime.deliverMessage(id, 'brukareAvliden', { avlidenDatum: '2027-02-01' }, actors.handlaggare);
    // then
    expect(h.runtime.getInstance(id)).toMatchObject({ state: 'completed', variables: { avlidenDatum: '2027-02-01' } });
    const history = await h.runtime.getHistory(id);
    expect(history).toContainEqual(expect.objectContaining({ type: 'message.received', actor: 'lss-handlaggare', data: { message: 'brukareAvliden', name: 'Brukare avliden', variables: { avlidenDatum: '2027-02-01' } } }));
    await expect(h.runtime.deliverMessage(id, 'Brukare avliden', {}, actors.handlaggare)).rejects.toMatchObject({ code: 'instance_not_running' });
  });

  test('when nothing waits for the message or the process does not know it, then it is refused and nothing changes', async () => {
    // given
    h = await startHarness({ engineCacheSize, processes: ['engine/avbrott.bpmn'] });
    const { id } = await h.runtime.startInstance('avbrott', { variables: { beslutsdatum: '2027-01-10' } }, actors.admin);
    await h.runtime.moveClock({ to: '2027-05-01T00:00:00Z' });
    const before = await h.runtime.getHistory(id);
    // when / then
    await expect(h.runtime.deliverMessage(id, 'brukareAvliden', {}, actors.handlaggare)).rejects.toMatchObject({ code: 'conflict' });
    await expect(h.runtime.deliverMessage(id, 'okant', {}, actors.handlaggare)).rejects.toMatchObject({ code: 'not_found' });
    expect(await h.runtime.getHistory(id)).toEqual(before);
  });
});
