// Whole flows of processes/boendestod.bpmn (Solna, samverkansrutin boendestöd) on the runtime with the manual clock.
import { describe, expect, test } from 'vitest';
import type { Actor } from '../../src/auth/actor.js';
import type { RuntimeApi } from '../../src/runtime/index.js';
import { completeTask, inboxOf, useHarness } from '../helpers/feature-steps.js';
import { enhetschef, handlaggare, startBoendestod, utforare } from './kits/boendestod-kit.js';

const harness = useHarness();

/** Subjects in alphabetical order: bevakningar sent in the same step share their timestamp. */
const subjects = (rt: RuntimeApi, actor: Actor, id: string) => inboxOf(rt, actor, id).map((b) => b.subject).sort();
const taskNames = (rt: RuntimeApi, actor: Actor, id: string) => rt.listTasks({ instanceId: id }, actor).map((t) => t.name).sort();

/** A decision on 2027-02-01 (clock 08:00 UTC). */
async function decided(arendetyp: 'nytt' | 'socialpsykiatri' = 'nytt'): Promise<{ rt: RuntimeApi; id: string }> {
  return startBoendestod(harness, { beslutsdatum: '2027-02-01', brukare: 'Brukare-21', kon: 'man', arendetyp }, 'BS-21');
}

/** The person was informed about LOV and chose a provider; the order went out on 2027-02-02 and arrived on 2027-02-03. */
async function orderConfirmed(rt: RuntimeApi, id: string) {
  await completeTask(rt, id, 'informeraOmLov', { informeradOmLov: '2027-02-01' }, handlaggare);
  await completeTask(rt, id, 'registreraValAvUtforare', { valdUtforare: 'lov-stod-i-vardagen' }, handlaggare);
  await completeTask(rt, id, 'skickaBestallning', { bestallningsdatum: '2027-02-02', skickadVia: 'post', nyKund: true }, handlaggare);
  await completeTask(rt, id, 'bekraftaBestallning', { mottagenDatum: '2027-02-03' }, utforare);
}

describe('boendestod', () => {
  test('when the person chooses a LOV provider, then its bevakningar and tasks reach that provider only, not the other one', async () => {
    // given: two providers' staff, each tied to their own company
    const chosen = { username: 'stod', roles: ['utforare'], units: ['lov-stod-i-vardagen'] };
    const other = { username: 'vardag', roles: ['utforare'], units: ['lov-vardagsstod'] };
    const { rt, id } = await decided();
    await completeTask(rt, id, 'informeraOmLov', { informeradOmLov: '2027-02-01' }, handlaggare);
    await completeTask(rt, id, 'registreraValAvUtforare', { valdUtforare: 'lov-stod-i-vardagen' }, handlaggare);
    // when
    await completeTask(rt, id, 'skickaBestallning', { bestallningsdatum: '2027-02-02', skickadVia: 'post', nyKund: true }, handlaggare);
    const chosenSees = { inbox: subjects(rt, chosen, id), tasks: taskNames(rt, chosen, id) };
    const otherSees = { inbox: subjects(rt, other, id), tasks: taskNames(rt, other, id) };
    const task = rt.listTasks({ instanceId: id }, chosen)[0]!;
    const taken = rt.claimTask(task.id, other);
    // then
    expect(chosenSees).toEqual({ inbox: ['Beställning av boendestöd på väg'], tasks: ['Bekräfta att beställningen mottagits'] });
    expect(otherSees).toEqual({ inbox: [], tasks: [] });
    expect(task.unit).toBe('lov-stod-i-vardagen');
    await expect(taken).rejects.toMatchObject({ code: 'forbidden' });
    await completeTask(rt, id, 'bekraftaBestallning', { mottagenDatum: '2027-02-03' }, chosen);
  });

  test('when a new customer chooses a provider, then the order goes out, the provider is told it is coming and confirms to the handläggare', async () => {
    // given
    const { rt, id } = await decided();
    const first = taskNames(rt, handlaggare, id);

    // when
    await orderConfirmed(rt, id);

    // then
    expect(first).toEqual(['Informera den enskilde om LOV och valfriheten att välja utförare']);
    expect(subjects(rt, utforare, id)).toEqual(['Beställning av boendestöd på väg']);
    expect(subjects(rt, handlaggare, id)).toEqual(['Beställningen av boendestöd är mottagen']);
    expect(rt.listTasks({ instanceId: id }, enhetschef).map((t) => [t.name, t.due])).toEqual([
      ['Meddela handläggaren att insatsen påbörjats', '2027-02-16T23:00:00.000Z'],
    ]);
    expect(rt.getInstance(id).variables).toMatchObject({ valdUtforare: 'lov-stod-i-vardagen', bekraftelseSenast: '2027-02-03' });
  });

  test('when the insats starts, then it is verkställt from the start day and the genomförandeplan, its receipt and the follow-up follow', async () => {
    // given
    const { rt, id } = await decided();
    await orderConfirmed(rt, id);

    // when
    await completeTask(rt, id, 'meddelaStart', { startdatum: '2027-02-10' }, utforare);
    await completeTask(rt, id, 'paborjaGenomforandeplan', { genomforandeplanPaborjad: '2027-02-15' }, utforare);
    await completeTask(rt, id, 'skickaGenomforandeplan', { genomforandeplanSkickad: '2027-04-20', nyBedomningBehovs: false }, utforare);
    const confirmTask = taskNames(rt, handlaggare, id);
    await completeTask(rt, id, 'bekraftaGenomforandeplan', { genomforandeplanMottagen: '2027-04-21' }, handlaggare);
    const followUp = rt.listTasks({ instanceId: id }, handlaggare).map((t) => [t.elementId, t.due]);
    await completeTask(rt, id, 'uppfoljning', { uppfoljningsdatum: '2027-06-15', boendestodjareMedverkade: true }, handlaggare);

    // then
    expect(subjects(rt, handlaggare, id)).toEqual(['Beställningen av boendestöd är mottagen', 'Boendestödet har påbörjats']);
    expect(subjects(rt, utforare, id)).toEqual(['Beställning av boendestöd på väg', 'Genomförandeplanen är mottagen']);
    expect(confirmTask).toEqual(['Bekräfta att genomförandeplanen mottagits']);
    expect(followUp).toEqual([['uppfoljning', '2027-07-20T22:00:00.000Z']]);
    const events = (await rt.getHistory(id)).filter((e) => e.type.startsWith('case.'));
    expect(events.map((e) => [e.type, e.data?.date])).toEqual([['case.verkstallt', '2027-02-10']]);
    expect(rt.getInstance(id).state).toBe('running');
    expect(rt.getInstance(id).active.map((a) => a.elementId)).toContain('pagaendeBoendestod');
  });

  test('when the mapping shows the decision does not fit the needs, then the handläggare is asked for a new assessment', async () => {
    // given
    const { rt, id } = await decided();
    await orderConfirmed(rt, id);
    await completeTask(rt, id, 'meddelaStart', { startdatum: '2027-02-10' }, utforare);
    await completeTask(rt, id, 'paborjaGenomforandeplan', { genomforandeplanPaborjad: '2027-02-15' }, utforare);

    // when
    await completeTask(rt, id, 'skickaGenomforandeplan', { genomforandeplanSkickad: '2027-04-20', nyBedomningBehovs: true, nyBedomningOrsak: 'Behöver stöd även kvällstid.' }, utforare);

    // then
    const bevakning = rt.listInbox(handlaggare).find((b) => b.instanceId === id && b.subject === 'Ny bedömning av boendestödet behövs');
    expect(bevakning?.body).toBe('Utföraren anser efter kartläggningen att beslutet om boendestöd för Brukare-21 behöver bedömas på nytt: Behöver stöd även kvällstid.');
    expect(taskNames(rt, handlaggare, id)).toEqual(['Bekräfta att genomförandeplanen mottagits']);
  });

  test('when the provider reports absence over 30 days and later the handläggare ends the boendestöd, then the handläggare is told and the case ends', async () => {
    // given
    const { rt, id } = await decided();
    await orderConfirmed(rt, id);
    await completeTask(rt, id, 'meddelaStart', { startdatum: '2027-02-10' }, utforare);

    // when
    await rt.deliverMessage(id, 'franvaroOver30Dagar', { franvaroFran: '2027-03-01', franvaroBeskrivning: 'Vistas hos dottern i Umeå.' }, utforare);
    await rt.deliverMessage(id, 'forandradeForhallanden', { beskrivning: 'Har fått hemtjänst på morgonen.' }, utforare);
    const stillRunning = rt.getInstance(id).state;
    await rt.deliverMessage(id, 'boendestodAvslutat', { avslutsdatum: '2027-06-30', avslutsorsak: 'Flyttat till särskilt boende.' }, handlaggare);

    // then
    const bodies = rt.listInbox(handlaggare).filter((b) => b.instanceId === id).map((b) => b.body);
    expect(bodies).toContain(
      'Utföraren meddelar att Brukare-21 har längre planerad frånvaro och inte tar emot boendestödet enligt beställningen (mer än 30 dagar sammanhängande), från 2027-03-01. Vistas hos dottern i Umeå.',
    );
    expect(bodies).toContain('Utföraren meddelar förändrade förhållanden för Brukare-21: Har fått hemtjänst på morgonen.');
    expect(stillRunning).toBe('running');
    expect(rt.getInstance(id).state).toBe('completed');
    expect(rt.listTasks({ instanceId: id }, utforare)).toEqual([]);
    expect(rt.decisionOfCase(id)).toMatchObject({ status: 'avslutat', verkstalltDatum: '2027-02-10' });
  });

  test('when the handläggare ends the decision before the boendestöd has started, then it is avslutat with its day and reason and no longer reported', async () => {
    // given
    const { rt, id } = await decided();
    await orderConfirmed(rt, id);
    await rt.moveClock({ to: '2027-03-01T08:00:00Z' });
    // when
    await rt.deliverMessage(id, 'boendestodAvslutat', { avslutsdatum: '2027-02-28', avslutsorsak: 'Tackar nej till boendestöd.' }, handlaggare);
    await rt.moveClock({ to: '2027-07-01T08:00:00Z' });
    // then
    expect(rt.getInstance(id).state).toBe('completed');
    expect(rt.decisionOfCase(id)?.events.map((e) => [e.type, e.date, e.reason])).toEqual([['avslutat', '2027-02-28', 'Tackar nej till boendestöd.']]);
    expect(rt.decisionOfCase(id)?.status).toBe('avslutat');
    expect(rt.ivoReport('2027Q2').rows).toEqual([]);
  });

  test('when the boendestöd comes from socialpsykiatrin at 65, then the boendestödjare is invited to the meeting where LOV is explained', async () => {
    // given
    const { rt, id } = await decided('socialpsykiatri');

    // when
    await completeTask(rt, id, 'informeraOmLov', { informeradOmLov: '2027-02-05', boendestodjareDeltog: true }, handlaggare);

    // then
    expect(subjects(rt, utforare, id)).toEqual(['Överlämning från socialpsykiatrin']);
    expect(rt.listTasks({ instanceId: id }, handlaggare).map((t) => [t.name, t.due])).toEqual([
      ['Registrera den enskildes val av utförare', '2027-04-04T22:00:00.000Z'],
    ]);
    expect(rt.getInstance(id).variables).toMatchObject({ boendestodjareDeltog: true });
  });
});
