import { afterEach, describe, expect, test } from 'vitest';
import { fieldMessages } from '../../src/forms/index.js';
import { actors, startHarness, type Harness } from '../helpers/runtime-harness.js';
import { testHandlers } from '../helpers/test-handlers.js';

describe('instances', () => {
  let h: Harness;
  afterEach(() => h?.close());

  test('when started with a valid start form, then it runs to its first task with the variables and a business key', async () => {
    // given
    h = await startHarness({ processes: ['engine/beslut-svar.bpmn'] });
    // when
    const { id } = await h.runtime.startInstance('beslut-svar', { businessKey: 'KS-1', variables: { beslutsdatum: '2027-01-15', brukare: ' Brukare A ' } }, actors.handlaggare);
    // then
    expect(h.runtime.getInstance(id)).toEqual({
      id,
      processKey: 'beslut-svar',
      version: 1,
      businessKey: 'KS-1',
      state: 'running',
      startedAt: '2027-01-15T08:00:00.000Z',
      endedAt: null,
      person: 'Brukare A',
      decision: null,
      variables: { beslutsdatum: '2027-01-15', brukare: 'Brukare A' },
      active: [{ elementId: 'lamnaSvar', name: 'Lämna svar på erbjudandet' }],
      incidents: [],
      waitingFor: expect.any(Array),
    });
    expect(h.runtime.listInstances({ businessKey: 'KS-1' })).toEqual([expect.objectContaining({ id, state: 'running' })]);
  });

  test('when the start form is invalid, then every field is reported and no instance exists', async () => {
    // given
    h = await startHarness({ processes: ['engine/beslut-svar.bpmn'] });
    // when
    const attempt = h.runtime.startInstance('beslut-svar', { variables: { beslutsdatum: '2027-02-30', okant: 1 } }, actors.handlaggare);
    // then
    await expect(attempt).rejects.toMatchObject({
      code: 'validation_failed',
      fields: expect.arrayContaining([
        expect.objectContaining({ field: 'beslutsdatum' }),
        expect.objectContaining({ field: 'brukare', message: fieldMessages.required }),
        expect.objectContaining({ field: 'okant' }),
      ]),
    });
    expect(h.runtime.listInstances({})).toEqual([]);
  });

  test('when a role outside the starter groups starts it, then it is forbidden', async () => {
    // given
    h = await startHarness({ processes: ['engine/beslut-svar.bpmn'] });
    // when / then
    await expect(h.runtime.startInstance('beslut-svar', { variables: { beslutsdatum: '2027-01-15', brukare: 'A' } }, actors.enhetschef)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.runtime.startInstance('beslut-svar', { variables: { beslutsdatum: '2027-01-15', brukare: 'A' } }, actors.revisor)).rejects.toMatchObject({ code: 'forbidden' });
  });

  test('when a handler throws, then the case keeps running with an incident at the step, the error in its history, and the server goes on', async () => {
    // given
    h = await startHarness({ processes: ['engine/tjanstefel.bpmn'], handlers: testHandlers });
    // when
    const { id } = await h.runtime.startInstance('tjanstefel', { variables: { utfall: 'tekniskt' } }, actors.admin);
    const ok = await h.runtime.startInstance('tjanstefel', { variables: { utfall: 'ok' } }, actors.admin);
    // then
    expect(h.runtime.getInstance(id)).toMatchObject({ state: 'running', endedAt: null, incidents: [expect.objectContaining({ message: expect.stringContaining('Bokningssystemet svarar inte') })] });
    const history = await h.runtime.getHistory(id);
    expect(history.filter((e) => e.type === 'incident.opened')).toEqual([expect.objectContaining({ data: expect.objectContaining({ message: expect.stringContaining('Bokningssystemet svarar inte') }) })]);
    expect(h.runtime.getInstance(ok.id)).toMatchObject({ state: 'completed', variables: { utfall: 'ok', bokad: true } });
  });

  test('when a handler throws a business error code, then the modelled error boundary event takes over', async () => {
    // given
    h = await startHarness({ processes: ['engine/tjanstefel.bpmn'], handlers: testHandlers });
    // when
    const { id } = await h.runtime.startInstance('tjanstefel', { variables: { utfall: 'affarsfel' } }, actors.admin);
    // then
    expect(h.runtime.getInstance(id)).toMatchObject({ state: 'running', active: [{ elementId: 'hanteraIngenPlats' }] });
  });

  test('when an instance runs, then its history lists every step in order with time and actor', async () => {
    // given
    h = await startHarness({ processes: ['engine/beslut-svar.bpmn'] });
    const { id } = await h.runtime.startInstance('beslut-svar', { variables: { beslutsdatum: '2027-01-15', brukare: 'A' } }, actors.handlaggare);
    const [task] = h.runtime.listTasks({ instanceId: id }, actors.enhetschef);
    // when
    await h.runtime.moveClock({ advance: 'P1D' });
    await h.runtime.claimTask(task!.id, actors.enhetschef);
    await h.runtime.completeTask(task!.id, { svar: 'nej', kommentar: 'Vill bo kvar' }, actors.enhetschef);
    const history = await h.runtime.getHistory(id);
    // then
    expect(history.map((e) => e.seq)).toEqual(history.map((_, i) => i + 1));
    expect(history.map((e) => [e.type, e.elementId, e.actor])).toEqual([
      ['instance.started', null, 'lss-handlaggare'],
      ['activity.entered', 'start', 'lss-handlaggare'],
      ['activity.left', 'start', 'lss-handlaggare'],
      ['activity.entered', 'lamnaSvar', 'lss-handlaggare'],
      ['activity.entered', 'ivoBevakning', 'lss-handlaggare'],
      ['timer.scheduled', 'ivoBevakning', 'lss-handlaggare'],
      ['task.created', 'lamnaSvar', 'lss-handlaggare'],
      ['task.claimed', 'lamnaSvar', 'enhetschef'],
      ['task.completed', 'lamnaSvar', 'enhetschef'],
      expect.arrayContaining(['enhetschef']),
      ...history.slice(10).map(() => expect.anything()),
    ]);
    expect(history.find((e) => e.type === 'task.completed')).toMatchObject({ at: '2027-01-16T08:00:00.000Z', elementName: 'Lämna svar på erbjudandet', data: { values: { svar: 'nej', kommentar: 'Vill bo kvar' } } });
    expect(history.at(-1)).toMatchObject({ type: 'instance.completed' });
    expect(history.some((e) => e.type === 'activity.left' && e.elementId === 'avbojt')).toBe(true);
  });
});
