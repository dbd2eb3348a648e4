// Boendeprocess LSS (processes/lss-boende.bpmn): from bifallsbeslut to verkställighet in egen regi, on the manual clock.
import { describe, expect, test } from 'vitest';
import { apartmentOf, completeTask, inboxOf, openTasks, useHarness } from '../helpers/feature-steps.js';
import { arbetsterapeut, enhetschef, formedling, handlaggare, intake, ivo, samordnare, startLssBoende } from './kits/lss-boende-kit.js';

const harness = useHarness();

describe('lss-boende', () => {
  test('when the order comes in, then the samordnare starts Planering LSS and the responsible arbetsterapeut gets the kartläggning', async () => {
    // given
    const { rt, id } = await startLssBoende(harness);
    const first = rt.listTasks({ instanceId: id }, samordnare).map((t) => t.name);

    // when
    await completeTask(rt, id, 'taEmotBestallning', { planeringLssInledd: '2027-01-15' }, samordnare);
    await completeTask(rt, id, 'fordelaArende', { ansvarigArbetsterapeut: 'arbetsterapeut' }, samordnare);
    await completeTask(rt, id, 'gemensamtMote', { genomgangsdatum: '2027-01-20' }, arbetsterapeut);

    // then
    expect(first).toEqual(['Ta emot beställningen och inled Planering LSS']);
    expect(inboxOf(rt, arbetsterapeut, id).map((b) => b.subject)).toEqual(['Nytt ärende till Boendeteamet: läs på inför gemensamt möte']);
    const [kartlaggning] = rt.listTasks({ instanceId: id }, arbetsterapeut).filter((t) => t.elementId === 'kartlaggning');
    expect(kartlaggning).toMatchObject({ assignee: 'arbetsterapeut', candidateGroups: ['arbetsterapeut'] });
    expect(kartlaggning!.form.map((f) => f.id)).toContain('informationOm14Dagarsregeln');
  });

  test('when the team matches an apartment, then it is reserved, the person joins the queue and the enhetschef is told without the name', async () => {
    // given
    const { rt, id } = await startLssBoende(harness);
    await intake(rt, id);

    // when
    await completeTask(rt, id, 'matchaBostad', { apartmentId: 'solrosen-3', matchning: 'Först på prioriteringslistan.' }, samordnare);

    // then
    expect(apartmentOf(rt, 'solrosen-3')).toMatchObject({ status: 'reserverad' });
    expect(rt.housingRegister().queue).toEqual([
      expect.objectContaining({ applicant: 'Brukare-42', decisionDate: '2027-01-15', instanceId: id, status: 'aktiv', needs: 'Behöver lugn miljö och stöd dygnet runt.' }),
    ]);
    expect(inboxOf(rt, formedling, id).map((b) => b.subject)).toEqual(['Matchning klar: erbjud bostad']);
    const [toUnit] = inboxOf(rt, enhetschef, id);
    expect(toUnit?.subject).toBe('Matchning klar för lägenhet på ert boende');
    expect(toUnit?.body).not.toContain('Brukare-42');
    expect(openTasks(rt, id)).toEqual(['erbjudBostad']);
  });

  test('when the person accepts and moves in, then the apartment is let, the decision is executed on the move-in day and nothing is watched any more', async () => {
    // given
    const { rt, id } = await startLssBoende(harness);
    await intake(rt, id);
    await completeTask(rt, id, 'matchaBostad', { apartmentId: 'solrosen-3', matchning: 'Först på prioriteringslistan.' }, samordnare);
    await completeTask(rt, id, 'erbjudBostad', { erbjudandedatum: '2027-02-01' }, formedling);
    const answerTask = () => rt.listTasks({ instanceId: id }, formedling).find((t) => t.elementId === 'registreraSvar');
    await completeTask(rt, id, 'studiebesok', { studiebesoksdatum: '2027-02-03' }, enhetschef);
    const due = answerTask()?.due;

    // when
    await completeTask(rt, id, 'registreraSvar', { svar: 'ja', svarsdatum: '2027-02-05' }, formedling);
    const afterYes = openTasks(rt, id);
    await completeTask(rt, id, 'kallaTillOverrapport', { overrapporteringsmote: '2027-02-08' }, arbetsterapeut);
    await completeTask(rt, id, 'meddelaInflyttningsdatum', { planeratInflyttningsdatum: '2027-02-20' }, enhetschef);
    await completeTask(rt, id, 'hanteraHyreskontrakt', { kontraktsdatum: '2027-02-10' }, formedling);
    const booked = { ...apartmentOf(rt, 'solrosen-3') };
    await completeTask(rt, id, 'dokumenteraOchKuben', { inflyttningsdatumDokumenterat: '2027-02-11', kubenRegistrerad: '2027-02-11' }, arbetsterapeut);
    await completeTask(rt, id, 'oppnaVerkstallighet', { inflyttningsdatum: '2027-02-20' }, enhetschef);
    await rt.moveClock({ to: '2028-02-01T08:00:00Z' });

    // then
    expect(due).toBe('2027-02-14T23:00:00.000Z');
    expect(afterYes).toEqual(['kallaTillOverrapport', 'meddelaInflyttningsdatum']);
    expect(booked).toMatchObject({ status: 'bokad', moveInDate: '2027-02-20' });
    expect(apartmentOf(rt, 'solrosen-3')).toMatchObject({ status: 'uthyrd', moveInDate: '2027-02-20' });
    expect(rt.housingRegister().queue[0]).toMatchObject({ status: 'avslutad', closedReason: 'Beslutet verkställt (inflyttning)' });
    expect(rt.housingRegister().offers).toEqual([expect.objectContaining({ offerDate: '2027-02-01', answer: 'ja' })]);
    const history = await rt.getHistory(id);
    expect(history.filter((e) => e.type.startsWith('case.')).map((e) => [e.type, e.data?.date])).toEqual([
      ['case.erbjudande', '2027-02-01'],
      ['case.verkstallt', '2027-02-20'],
    ]);
    expect(inboxOf(rt, handlaggare, id).map((b) => b.subject).sort()).toEqual(['Beslutet är verkställt', 'Planerat inflyttningsdatum']);
    expect(rt.getInstance(id)).toMatchObject({ state: 'completed', active: [] });
    expect(openTasks(rt, id)).toEqual([]);
    expect(inboxOf(rt, ivo, id)).toEqual([]);
    expect(rt.ivoReport('2027Q2').rows).toEqual([]);
  });
});
