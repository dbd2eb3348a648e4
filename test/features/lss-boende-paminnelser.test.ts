// Boendeprocess LSS (processes/lss-boende.bpmn): the 14-day answer deadline and the named defaults for "snarast" and "skyndsamt".
import { describe, expect, test } from 'vitest';
import type { Actor } from '../../src/auth/actor.js';
import type { RuntimeApi } from '../../src/runtime/index.js';
import { completeTask, inboxOf, openTasks, useHarness } from '../helpers/feature-steps.js';
import { arbetsterapeut, enhetschef, formedling, intake, samordnare, startLssBoende } from './kits/lss-boende-kit.js';

const harness = useHarness();

const subjects = (rt: RuntimeApi, actor: Actor, id: string) => inboxOf(rt, actor, id).map((b) => b.subject);

/** Match solrosen-3 and offer it on 2027-02-01 (the clock then stands at 2027-02-01 09:00). */
async function offered(rt: RuntimeApi, id: string) {
  await intake(rt, id);
  await completeTask(rt, id, 'matchaBostad', { apartmentId: 'solrosen-3', matchning: 'Först på prioriteringslistan.' }, samordnare);
  await rt.moveClock({ to: '2027-02-01T09:00:00Z' });
  await completeTask(rt, id, 'erbjudBostad', { erbjudandedatum: '2027-02-01' }, formedling);
}

describe('lss-boende: deadlines and reminders', () => {
  test('when the samordnare has not received the order after the default 2 days ("snarast"), then one reminder comes', async () => {
    // given
    const { rt, id } = await startLssBoende(harness);

    // when
    await rt.moveClock({ to: '2027-01-17T07:59:00Z' });
    const before = subjects(rt, samordnare, id);
    await rt.moveClock({ to: '2027-01-17T08:00:00Z' });
    const at = subjects(rt, samordnare, id);
    await rt.moveClock({ to: '2027-01-30T08:00:00Z' });

    // then
    expect(before).toEqual([]);
    expect(at).toEqual(['Påminnelse: ta emot beställningen och inled Planering LSS']);
    expect(subjects(rt, samordnare, id)).toHaveLength(1);
    expect(rt.listTasks({ instanceId: id }, samordnare)).toEqual([expect.objectContaining({ elementId: 'taEmotBestallning', due: '2027-01-17T08:00:00.000Z' })]);
  });

  test('when the viewing has not happened after the default 3 days ("skyndsamt"), then the enhetschef is reminded once', async () => {
    // given
    const { rt, id } = await startLssBoende(harness);
    await offered(rt, id);

    // when
    await rt.moveClock({ to: '2027-02-04T08:59:00Z' });
    const before = subjects(rt, enhetschef, id).filter((s) => s.startsWith('Påminnelse'));
    await rt.moveClock({ to: '2027-02-10T09:00:00Z' });

    // then
    expect(before).toEqual([]);
    expect(subjects(rt, enhetschef, id).filter((s) => s.startsWith('Påminnelse'))).toEqual(['Påminnelse: studiebesök ska ske skyndsamt']);
    expect(openTasks(rt, id)).toEqual(['studiebesok']);
  });

  test('when no answer is registered within 14 days of the offer, then Boendeförmedlingen is told when the last day has passed', async () => {
    // given
    const { rt, id } = await startLssBoende(harness);
    await offered(rt, id);
    await completeTask(rt, id, 'studiebesok', { studiebesoksdatum: '2027-02-02' }, enhetschef);
    const answer = rt.listTasks({ instanceId: id }, formedling).find((t) => t.elementId === 'registreraSvar');

    // when
    await rt.moveClock({ to: '2027-02-15T22:59:00Z' });
    const onLastDay = subjects(rt, formedling, id).filter((s) => s.startsWith('Svarsfristen'));
    await rt.moveClock({ to: '2027-02-15T23:00:00Z' });

    // then
    expect(answer?.due).toBe('2027-02-14T23:00:00.000Z');
    expect(onLastDay).toEqual([]);
    expect(subjects(rt, formedling, id).filter((s) => s.startsWith('Svarsfristen'))).toEqual(['Svarsfristen för erbjudandet har gått ut']);
    expect(inboxOf(rt, formedling, id).find((b) => b.subject.startsWith('Svarsfristen'))?.body).toContain('2027-02-15');
    expect(openTasks(rt, id)).toEqual(['registreraSvar']);
  });

  test('when the no is not reported within the default day ("skyndsamt"), then Boendeförmedlingen is reminded', async () => {
    // given
    const { rt, id } = await startLssBoende(harness);
    await offered(rt, id);
    await completeTask(rt, id, 'studiebesok', {}, enhetschef);
    await completeTask(rt, id, 'registreraSvar', { svar: 'nej', svarsdatum: '2027-02-01' }, formedling);

    // when
    await rt.moveClock({ to: '2027-02-02T09:00:00Z' });

    // then
    expect(subjects(rt, formedling, id).filter((s) => s.startsWith('Påminnelse'))).toEqual(['Påminnelse: rapportera att kunden tackat nej']);
    expect(openTasks(rt, id)).toEqual(['rapporteraNej']);
  });

  test('when the hand-over meeting is not called within the default 3 days ("skyndsamt"), then the arbetsterapeut is reminded', async () => {
    // given
    const { rt, id } = await startLssBoende(harness);
    await offered(rt, id);
    await completeTask(rt, id, 'studiebesok', {}, enhetschef);
    await completeTask(rt, id, 'registreraSvar', { svar: 'ja', svarsdatum: '2027-02-01' }, formedling);

    // when
    await rt.moveClock({ to: '2027-02-04T08:59:00Z' });
    const before = subjects(rt, arbetsterapeut, id).filter((s) => s.startsWith('Påminnelse'));
    await rt.moveClock({ to: '2027-02-04T09:00:00Z' });

    // then
    expect(before).toEqual([]);
    expect(subjects(rt, arbetsterapeut, id).filter((s) => s.startsWith('Påminnelse'))).toEqual(['Påminnelse: kalla till överrapporteringsmöte']);
  });
});
