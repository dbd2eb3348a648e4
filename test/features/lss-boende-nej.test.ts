// Boendeprocess LSS (processes/lss-boende.bpmn): the person declines the offer, and the handläggare decides what follows.
import { describe, expect, test } from 'vitest';
import { apartmentOf, completeTask, inboxOf, openTasks, useHarness } from '../helpers/feature-steps.js';
import { answered, arbetsterapeut, enhetschef, formedling, handlaggare, intake, ivo, samordnare, solrosen, startLssBoende } from './kits/lss-boende-kit.js';

const harness = useHarness();

const housing = {
  ...solrosen,
  apartments: [...solrosen.apartments, { id: 'solrosen-5', unitId: 'solrosen', number: '5', rooms: 2, sizeSqm: 44, rent: 6400, status: 'uthyrd' as const }],
};

describe('lss-boende: the person declines', () => {
  test('when the person says no, then Boendeförmedlingen reports the reason, the apartment is free again and handläggare, Boendeteamet and enhetschef are told', async () => {
    // given
    const { rt, id } = await startLssBoende(harness, housing);
    await answered(rt, id, 'nej');
    const reportTask = rt.listTasks({ instanceId: id }, formedling).map((t) => [t.elementId, t.due]);

    // when
    await completeTask(rt, id, 'rapporteraNej', { avbojandeorsak: 'Vill bo närmare familjen.' }, formedling);

    // then
    expect(reportTask).toEqual([['rapporteraNej', '2027-02-06T09:00:00.000Z']]);
    expect(apartmentOf(rt, 'solrosen-3')).toMatchObject({ status: 'ledig', queueEntryId: null });
    expect(rt.housingRegister().offers).toEqual([expect.objectContaining({ answer: 'nej', reason: 'Vill bo närmare familjen.' })]);
    expect(rt.housingRegister().queue[0]).toMatchObject({ status: 'aktiv' });
    const told = [handlaggare, arbetsterapeut, samordnare, enhetschef].map((a) => inboxOf(rt, a, id).map((b) => b.subject).filter((s) => s.includes('tackat nej')));
    expect(told).toEqual([1, 2, 3, 4].map(() => ['Kunden har tackat nej till erbjudandet']));
    expect(inboxOf(rt, enhetschef, id).find((b) => b.subject.includes('tackat nej'))?.body).not.toContain('Brukare-42');
    expect(inboxOf(rt, handlaggare, id)[0]?.body).toContain('Vill bo närmare familjen.');
    const history = await rt.getHistory(id);
    expect(history.filter((e) => e.type === 'case.avbojt').map((e) => e.data)).toEqual([{ date: '2027-02-05', reason: 'Vill bo närmare familjen.' }]);
    expect(openTasks(rt, id)).toEqual(['taStallningTillBehovet']);
  });

  test('when the handläggare finds that the need remains, then the team takes the case up again and a new apartment can be offered', async () => {
    // given
    const { rt, id } = await startLssBoende(harness, housing);
    await answered(rt, id, 'nej');
    await completeTask(rt, id, 'rapporteraNej', { avbojandeorsak: 'Vill bo närmare familjen.' }, formedling);

    // when
    await completeTask(rt, id, 'taStallningTillBehovet', { behovetKvarstar: 'ja', uppfoljningsmote: true }, handlaggare);
    const afterFollowUp = openTasks(rt, id);
    await completeTask(rt, id, 'bedomPlacering', { placering: 'intern', bedomning: 'Fortsatt egen regi.' }, samordnare);
    await completeTask(rt, id, 'matchaBostad', { apartmentId: 'solrosen-3', matchning: 'Åter först på listan.' }, samordnare);

    // then
    expect(afterFollowUp).toEqual(['bedomPlacering']);
    expect(apartmentOf(rt, 'solrosen-3')).toMatchObject({ status: 'reserverad' });
    expect(openTasks(rt, id)).toEqual(['erbjudBostad']);
    expect(rt.getInstance(id).state).toBe('running');
  });

  test('when the need no longer remains, then the decision is closed with the reason, the queue place ends and the case is completed', async () => {
    // given
    const { rt, id } = await startLssBoende(harness, housing);
    await answered(rt, id, 'nej');
    await completeTask(rt, id, 'rapporteraNej', { avbojandeorsak: 'Vill bo närmare familjen.' }, formedling);

    // when
    await completeTask(rt, id, 'taStallningTillBehovet', { behovetKvarstar: 'nej', avslutsorsak: 'Kunden bor kvar hos familjen.' }, handlaggare);
    await rt.moveClock({ to: '2027-12-01T08:00:00Z' });

    // then
    const history = await rt.getHistory(id);
    expect(history.filter((e) => e.type === 'case.avslutat').map((e) => e.data)).toEqual([{ date: '2027-02-05', reason: 'Behovet kvarstår inte: Kunden bor kvar hos familjen.' }]);
    expect(rt.housingRegister().queue[0]).toMatchObject({ status: 'avslutad', closedReason: 'Beslutet avslutat utan verkställighet' });
    expect([samordnare, arbetsterapeut, formedling].map((a) => inboxOf(rt, a, id).some((b) => b.subject === 'Beslutet har avslutats'))).toEqual([true, true, true]);
    expect(rt.getInstance(id).state).toBe('completed');
    expect(inboxOf(rt, ivo, id)).toEqual([]);
  });

  test('when the team picks an apartment, then only the vacant ones are offered by unit and number, and a let one is refused with the task still open', async () => {
    // given
    const { rt, id } = await startLssBoende(harness, housing);
    await intake(rt, id);
    const task = rt.listTasks({ instanceId: id }, samordnare).find((t) => t.elementId === 'matchaBostad')!;

    // when
    const taken = completeTask(rt, id, 'matchaBostad', { apartmentId: 'solrosen-5', matchning: 'Passar bäst.' }, samordnare);

    // then
    expect(task.form.find((f) => f.id === 'apartmentId')).toMatchObject({ type: 'apartment', values: [{ id: 'solrosen-3', name: 'Gruppbostad Solrosen 3 (2 rum, 42 m²)' }] });
    await expect(taken).rejects.toMatchObject({ code: 'validation_failed', fields: [{ field: 'apartmentId', message: 'Välj en av lägenheterna i listan.' }] });
    expect(openTasks(rt, id)).toEqual(['matchaBostad']);
    expect(rt.housingRegister().offers).toEqual([]);
    expect(rt.housingRegister().apartments.map((a) => a.status)).toEqual(['ledig', 'uthyrd']);
  });
});
