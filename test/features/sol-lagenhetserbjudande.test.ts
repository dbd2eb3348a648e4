// The yes branch of processes/sol-lagenhetserbjudande.bpmn (seed 001): vacancy to verkställighet, with the register following.
import { describe, expect, test } from 'vitest';
import type { RuntimeApi } from '../../src/runtime/index.js';
import { apartmentOf, completeTask, inboxOf, useHarness } from '../helpers/feature-steps.js';
import { avgift, bistand, enhetschef, ivo, reportVacancy, samordnare, startSolRuntime, utforare } from './kits/sol-lagenhetserbjudande-kit.js';

const harness = useHarness();

/** The vacancy reported on 2027-02-01 and registered as vacant in Boendemodulen. */
async function vacancyRegistered(): Promise<{ rt: RuntimeApi; id: string }> {
  const rt = await startSolRuntime(harness);
  const id = await reportVacancy(rt, { ledighetsorsak: 'avliden', utflyttningsdatum: '2027-01-30', klarForInflytt: '2027-02-05', lagenhetStorlek: '1 rum och kök, 32 m²' });
  return { rt, id };
}

const sokandeA = {
  brukare: 'Sokande-A', beslutsdatum: '2027-01-15', kon: 'kvinna', koplats: 'ny', franKorttidsboende: true,
  prioriteringsgrund: 'Stort omvårdnadsbehov, vistas på Utsikten.', behov: 'Hjälp med förflyttning.', hemtjanstgrupp: 'ingen',
  kontaktuppgifter: 'Dotter, 070-000 00 00', dialogOmRum: false,
};

describe('sol-lagenhetserbjudande', () => {
  test('when the apartment becomes vacant, then the three mailboxes are told and it is registered ledig from its ready date', async () => {
    // given
    const { rt, id } = await vacancyRegistered();

    // then
    expect(inboxOf(rt, samordnare, id).map((b) => b.subject)).toEqual(['En lägenhet har blivit ledig']);
    expect(inboxOf(rt, bistand, id).map((b) => b.body)).toEqual(['Lägenhet solbacken-12 på särskilt boende har blivit ledig (brukaren har avlidit).']);
    expect(apartmentOf(rt, 'solbacken-12')).toMatchObject({ status: 'ledig', readyDate: '2027-02-05' });
    expect(rt.listTasks({ instanceId: id }, samordnare).map((t) => t.name)).toEqual(['Boendeprioritering: välj sökande till lägenheten']);
  });

  test('when the chosen applicant accepts, then the apartment goes reserverad, bokad, uthyrd and the decision is verkställt on the move-in day', async () => {
    // given
    const { rt, id } = await vacancyRegistered();
    const statuses: string[] = [apartmentOf(rt, 'solbacken-12').status];

    // when
    await completeTask(rt, id, 'boendeprioritering', sokandeA, samordnare);
    statuses.push(apartmentOf(rt, 'solbacken-12').status);
    const reservation = inboxOf(rt, enhetschef, id).find((b) => b.subject.startsWith('Reservationsmeddelande'));
    await completeTask(rt, id, 'ringOchErbjud', { erbjudandedatum: '2027-02-03', visningsdatum: '2027-02-04', beskedsdatum: '2027-02-05', vemRinger: 'enhetschef' }, enhetschef);
    await completeTask(rt, id, 'andraReserveratDatum', { journalfort: true }, samordnare);
    await completeTask(rt, id, 'registreraBesked', { svar: 'ja' }, enhetschef);
    await completeTask(rt, id, 'meddelaTilltradesdatum', { tilltradesdatum: '2027-02-08' }, enhetschef);
    await completeTask(rt, id, 'andraTillBokad', { kontraktsdatumNoterat: true }, avgift);
    statuses.push(apartmentOf(rt, 'solbacken-12').status);
    await completeTask(rt, id, 'meddelaInflyttningsdatum', { inflyttningsdatum: '2027-02-08' }, enhetschef);
    await completeTask(rt, id, 'bestallningTillEnhetschef', { bestallningsdatum: '2027-02-06' }, bistand);
    await completeTask(rt, id, 'verkstallBeslutet', { verkstallighetsdatum: '2027-02-08' }, enhetschef);
    statuses.push(apartmentOf(rt, 'solbacken-12').status);
    const hemtjanstTask = rt.listTasks({ instanceId: id }, bistand).map((t) => t.name);
    await completeTask(rt, id, 'avslutaHemtjanst', { hemtjanstbeslut: 'avslutat' }, bistand);

    // then
    expect(statuses).toEqual(['ledig', 'reserverad', 'bokad', 'uthyrd']);
    expect(reservation?.body.split('\n')).toEqual([
      'Lägenhet som ska anvisas: solbacken-12',
      'Storlek: 1 rum och kök, 32 m²',
      'Hyra: 6500 kr per månad',
      'Erbjuds: Sokande-A',
      'Behov: Hjälp med förflyttning.',
      'Hemtjänstgrupp: ingen',
      'Kontakt: Dotter, 070-000 00 00',
    ]);
    expect(apartmentOf(rt, 'solbacken-12')).toMatchObject({ moveInDate: '2027-02-08', queueEntryId: expect.any(String) });
    const { queue, offers } = rt.housingRegister();
    expect(queue).toEqual([expect.objectContaining({ applicant: 'Sokande-A', decisionDate: '2027-01-15', atKorttidsboende: true, status: 'avslutad' })]);
    expect(offers).toEqual([expect.objectContaining({ apartmentId: 'solbacken-12', offerDate: '2027-02-03', answer: 'ja' })]);
    expect(hemtjanstTask).toEqual(['Avsluta pågående hemtjänstbeslut och dokumentera i journalanteckning']);
    expect(rt.getInstance(id).state).toBe('completed');
    expect(rt.getInstance(id).variables).toMatchObject({ hyraSenastFran: '2027-02-10' });
    const events = (await rt.getHistory(id)).filter((e) => e.type.startsWith('case.')).map((e) => [e.type, e.data?.date]);
    expect(events).toEqual([['case.erbjudande', '2027-02-03'], ['case.verkstallt', '2027-02-08']]);
    expect(inboxOf(rt, ivo, id)).toEqual([]);
  });

  test('when the applicant says yes, then the avgiftshandläggare gets the access date and five recipients get the move-in date', async () => {
    // given
    const { rt, id } = await vacancyRegistered();
    await completeTask(rt, id, 'boendeprioritering', { ...sokandeA, franKorttidsboende: false }, samordnare);
    await completeTask(rt, id, 'ringOchErbjud', { erbjudandedatum: '2027-02-03', visningsdatum: '2027-02-04', beskedsdatum: '2027-02-05', vemRinger: 'enskilde' }, enhetschef);
    await completeTask(rt, id, 'andraReserveratDatum', { journalfort: true }, samordnare);
    await completeTask(rt, id, 'registreraBesked', { svar: 'ja' }, enhetschef);

    // when
    await completeTask(rt, id, 'meddelaTilltradesdatum', { tilltradesdatum: '2027-02-15' }, enhetschef);
    await completeTask(rt, id, 'andraTillBokad', { kontraktsdatumNoterat: true }, avgift);
    await completeTask(rt, id, 'meddelaInflyttningsdatum', { inflyttningsdatum: '2027-02-15' }, enhetschef);

    // then
    expect(inboxOf(rt, avgift, id).map((b) => b.body).sort()).toEqual([
      'Inflyttning i lägenhet solbacken-12 sker 2027-02-15 (Sokande-A).',
      'Lägenhet solbacken-12: tillträde och kontraktsdatum 2027-02-15, hyran startar då. Enligt rutinen gäller hyran senast från 2027-02-13; tillträdesdatumet ligger efter den dagen. Ändra lägenheten till bokad i Boendemodulen.',
    ]);
    const moveIn = rt.listInbox({ username: 'admin', roles: ['admin'] }).filter((b) => b.instanceId === id && b.subject === 'Inflyttningsdatum särskilt boende');
    expect(moveIn.map((b) => b.group).sort()).toEqual(['avgiftshandlaggare', 'bistandshandlaggare', 'boendesamordnare', 'enhetschef', 'enhetschef', 'utforare']);
    expect(inboxOf(rt, utforare, id)).toHaveLength(1);
    expect(rt.listTasks({ instanceId: id }, bistand).map((t) => t.name)).toEqual(['Lägg beslut och beställning till enhetschefen']);
  });
});
