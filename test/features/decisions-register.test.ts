// The decisions register on the real routines: a decision per case, its status from the routine's steps, and the
// events people record by hand (interrupted, resumed, a reason for delay, closed), also after the case has ended.
import { describe, expect, test } from 'vitest';
import { AppError } from '../../src/errors.js';
import { completeTask, useHarness } from '../helpers/feature-steps.js';
import { enhetschef, handlaggare, startOrder } from './kits/korttidsvistelse-kit.js';
import { answered, enhetschef as lssEnhetschef, movedIn, startLssBoende } from './kits/lss-boende-kit.js';

const harness = useHarness();

describe('decisions register', () => {
  test('when a korttidsvistelse order starts, then its decision is listed with the start form and the process, not executed', async () => {
    // given
    const { rt, id } = await startOrder(harness, { beslutsdatum: '2027-01-10' });
    // when
    const decisions = rt.listDecisions({});
    // then
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ instanceId: id, processKey: 'korttidsvistelse-lss', person: 'Brukare-17', kon: 'man', law: 'LSS', beslutsdatum: '2027-01-10', status: 'ej-verkstallt', verkstalltDatum: null, events: [] });
    expect(decisions[0]!.insats).toContain('Korttidsvistelse');
    expect(rt.listDecisions({ status: 'verkstallt' })).toEqual([]);
    expect(rt.listDecisions({ law: 'SoL' })).toEqual([]);
  });

  test('when an executed order is interrupted and resumed, then the status follows and the history names who recorded it', async () => {
    // given
    const { rt, id } = await startOrder(harness);
    await completeTask(rt, id, 'verkstallBestallning', { verkstallighetsdatum: '2027-01-15' }, enhetschef);
    const [decision] = rt.listDecisions({});
    await rt.moveClock({ to: '2027-03-01T08:00:00Z' });

    // when
    const interrupted = await rt.recordDecisionEvent(decision!.id, { type: 'avbrott', date: '2027-02-20', reason: 'Korttidshemmet stängt för renovering.' }, enhetschef);
    const resumed = await rt.recordDecisionEvent(decision!.id, { type: 'aterupptagen', date: '2027-03-01' }, enhetschef);

    // then
    expect(decision!.status).toBe('verkstallt');
    expect(interrupted).toMatchObject({ status: 'avbrott', verkstalltDatum: '2027-01-15' });
    expect(resumed.status).toBe('verkstallt');
    expect(resumed.events.map((e) => [e.type, e.date, e.actor ?? null])).toEqual([
      ['verkstallt', '2027-01-15', null],
      ['avbrott', '2027-02-20', 'enhetschef'],
      ['aterupptagen', '2027-03-01', 'enhetschef'],
    ]);
    const history = await rt.getHistory(id);
    expect(history.filter((e) => e.type === 'case.avbrott').map((e) => [e.actor, e.data?.reason])).toEqual([['enhetschef', 'Korttidshemmet stängt för renovering.']]);
  });

  test('when the utförare reports that the order cannot be executed, then its reason is the decision\'s reason for delay in the IVO report', async () => {
    // given an order of 2026-10-01, past its 3 months on 2027-01-01
    const { rt, id } = await startOrder(harness, { beslutsdatum: '2026-10-01' });
    // when
    await rt.deliverMessage(id, 'kanInteVerkstallas', { orsak: 'Ingen ledig plats de önskade helgerna.' }, enhetschef);
    // then
    expect(rt.decisionOfCase(id)?.events.map((e) => [e.type, e.reason])).toEqual([['drojsmal', 'Ingen ledig plats de önskade helgerna.']]);
    expect(rt.ivoReport('2027Q1').rows).toEqual([expect.objectContaining({ instanceId: id, skalTillDrojsmal: 'Ingen ledig plats de önskade helgerna.' })]);
  });

  test('when a step does not fit where the decision stands, then it is a conflict and nothing is recorded', async () => {
    // given a decision not yet executed
    const { rt } = await startOrder(harness);
    const [decision] = rt.listDecisions({});

    // when
    const resume = rt.recordDecisionEvent(decision!.id, { type: 'aterupptagen', date: '2027-01-15' }, handlaggare);
    const interrupt = rt.recordDecisionEvent(decision!.id, { type: 'avbrott', date: '2027-01-15' }, handlaggare);

    // then
    await expect(resume).rejects.toMatchObject({ code: 'conflict' });
    await expect(interrupt).rejects.toBeInstanceOf(AppError);
    expect(rt.listDecisions({})[0]!.events).toEqual([]);
  });

  test('when the day lies before the decision or after today, then it is refused and nothing is recorded', async () => {
    // given the clock at 2027-01-15 and a decision of 2027-01-10
    const { rt } = await startOrder(harness, { beslutsdatum: '2027-01-10' });
    const [decision] = rt.listDecisions({});

    // when
    const before = rt.recordDecisionEvent(decision!.id, { type: 'drojsmal', date: '2027-01-09', reason: 'Ingen plats.' }, handlaggare);
    const future = rt.recordDecisionEvent(decision!.id, { type: 'drojsmal', date: '2027-01-16', reason: 'Ingen plats.' }, handlaggare);

    // then
    await expect(before).rejects.toMatchObject({ code: 'bad_request' });
    await expect(future).rejects.toMatchObject({ code: 'bad_request' });
    expect(rt.listDecisions({})[0]!.events).toEqual([]);
  });

  test('when an LSS decision was executed and its case has ended, then an interruption can still be recorded', async () => {
    // given a person who moved in: lss-boende ends at verkställighet
    const { rt, id } = await startLssBoende(harness);
    await answered(rt, id, 'ja');
    await movedIn(rt, id);
    await rt.moveClock({ to: '2027-06-01T08:00:00Z' });
    const [executed] = rt.listDecisions({ processKey: 'lss-boende' });

    // when
    const interrupted = await rt.recordDecisionEvent(executed!.id, { type: 'avbrott', date: '2027-05-20', reason: 'Bostaden brandskadad.' }, lssEnhetschef);

    // then
    expect(rt.getInstance(id).state).toBe('completed');
    expect(executed).toMatchObject({ status: 'verkstallt', verkstalltDatum: '2027-02-22' });
    expect(interrupted.status).toBe('avbrott');
    expect(rt.listDecisions({ status: 'avbrott' }).map((d) => d.instanceId)).toEqual([id]);
  });
});
