// Internal placement after a change of housing (byte av boende) in processes/intern-placering.bpmn (Ystad).
import { describe, expect, test } from 'vitest';
import { apartmentOf, completeTask, useHarness } from '../helpers/feature-steps.js';
import { enhetschef, ivoRapportor, lss, startInternPlacering } from './kits/intern-placering-kit.js';

const harness = useHarness();

const housing = {
  units: [
    { id: 'ekbacken', name: 'Ekbacken', law: 'LSS' as const, profile: 'Gruppbostad' },
    { id: 'lindgarden', name: 'Lindgården', law: 'LSS' as const, profile: 'Servicebostad' },
  ],
  apartments: [
    { id: 'ekbacken-2', unitId: 'ekbacken', number: '2', rooms: 1, sizeSqm: 38, rent: 6400, status: 'uthyrd' as const },
    { id: 'lindgarden-5', unitId: 'lindgarden', number: '5', rooms: 2, sizeSqm: 45, rent: 7400, status: 'ledig' as const },
  ],
};

describe('intern-placering after a change of housing', () => {
  test('when a resident moves from one apartment to another, then no IVO watch runs and the enhetschef registers the apartment left behind as vacant', async () => {
    // given
    const variables = {
      beslutsdatum: '2024-05-02', brukare: 'Brukare-30', kon: 'kvinna', lag: 'LSS', insats: 'Bostad med särskild service för vuxna, 9 § 9 LSS', ursprung: 'byteAvBoende',
    } as const;
    const { rt, id } = await startInternPlacering(harness, variables, lss, { housing, start: '2027-03-01T08:00:00Z' });

    // when
    await rt.moveClock({ to: '2027-04-01T08:00:00Z' });
    await completeTask(rt, id, 'bevakaLedigLagenhet', { atgard: 'anvisa' }, lss);
    await completeTask(rt, id, 'anvisaLedigLagenhet', { lagenhetId: 'lindgarden-5' }, lss);
    await completeTask(rt, id, 'erbjudLagenheten', { erbjudandedatum: '2027-04-01', visningsdatum: '2027-04-05' }, enhetschef);
    await completeTask(rt, id, 'svarPaErbjudandet', { svar: 'ja' }, enhetschef);
    await completeTask(rt, id, 'boka', { planeratInflyttningsdatum: '2027-05-01' }, enhetschef);
    await completeTask(rt, id, 'skickaBestallningar', { bestallningarSkickade: true }, lss);
    await completeTask(rt, id, 'verkstallBestallningarna', { inflyttningsdatum: '2027-05-02' }, enhetschef);
    await completeTask(rt, id, 'avslutaOrdinartBoende', { ordinartBoendeAvslutat: true }, lss);
    const vacancyTask = rt.listTasks({ instanceId: id }, enhetschef).map((t) => t.name);
    const choices = rt.listTasks({ instanceId: id }, enhetschef)[0]?.form.find((f) => f.id === 'lamnadLagenhetId')?.values;
    const typed = completeTask(rt, id, 'registreraLamnadLagenhet', { lamnadLagenhetId: 'Ekbacken 2', lamnadLagenhetKlarDatum: '2027-05-20', hyresvardInformerad: true }, enhetschef);
    await expect(typed).rejects.toMatchObject({ code: 'validation_failed', fields: [{ field: 'lamnadLagenhetId', message: 'Välj en av lägenheterna i listan.' }] });
    const afterTyped = rt.listTasks({ instanceId: id }, enhetschef).map((t) => t.elementId);
    await completeTask(rt, id, 'registreraLamnadLagenhet', { lamnadLagenhetId: 'ekbacken-2', lamnadLagenhetKlarDatum: '2027-05-20', hyresvardInformerad: true }, enhetschef);

    // then
    expect(rt.listInbox(ivoRapportor).filter((b) => b.instanceId === id)).toEqual([]);
    expect(vacancyTask).toEqual(['Registrera den lämnade lägenheten som ledig och informera hyresvärden']);
    // The apartment left behind is picked among the let ones, as the register names them (Lindgården 5 is let by now).
    expect(choices).toEqual([
      { id: 'ekbacken-2', name: 'Ekbacken 2 (1 rum, 38 m²)' },
      { id: 'lindgarden-5', name: 'Lindgården 5 (2 rum, 45 m²)' },
    ]);
    expect(afterTyped).toEqual(['registreraLamnadLagenhet']);
    expect(apartmentOf(rt, 'ekbacken-2')).toMatchObject({ status: 'ledig', readyDate: '2027-05-20' });
    expect(apartmentOf(rt, 'lindgarden-5')).toMatchObject({ status: 'uthyrd', moveInDate: '2027-05-02' });
    expect(rt.getInstance(id).state).toBe('completed');
  });

  test('when the case is a new decision, then no apartment is registered as vacant after the move-in', async () => {
    // given
    const variables = { beslutsdatum: '2027-02-20', brukare: 'Brukare-31', kon: 'man', lag: 'LSS', insats: 'Bostad med särskild service för vuxna, 9 § 9 LSS', ursprung: 'nyttBeslut' } as const;
    const { rt, id } = await startInternPlacering(harness, variables, lss, { housing, start: '2027-03-01T08:00:00Z' });

    // when
    await completeTask(rt, id, 'bevakaLedigLagenhet', { atgard: 'anvisa' }, lss);
    await completeTask(rt, id, 'anvisaLedigLagenhet', { lagenhetId: 'lindgarden-5' }, lss);
    await completeTask(rt, id, 'erbjudLagenheten', { erbjudandedatum: '2027-03-01', visningsdatum: '2027-03-03' }, enhetschef);
    await completeTask(rt, id, 'svarPaErbjudandet', { svar: 'ja' }, enhetschef);
    await completeTask(rt, id, 'boka', { planeratInflyttningsdatum: '2027-03-15' }, enhetschef);
    await completeTask(rt, id, 'skickaBestallningar', { bestallningarSkickade: false }, lss);
    await completeTask(rt, id, 'verkstallBestallningarna', { inflyttningsdatum: '2027-03-15' }, enhetschef);
    await completeTask(rt, id, 'avslutaOrdinartBoende', { ordinartBoendeAvslutat: true }, lss);

    // then
    expect(rt.listTasks({ instanceId: id }, enhetschef)).toEqual([]);
    expect(apartmentOf(rt, 'ekbacken-2')?.status).toBe('uthyrd');
    expect(rt.getInstance(id).state).toBe('completed');
  });
});
