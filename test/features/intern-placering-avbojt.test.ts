// Decline, failed reservation, external placement and closing of processes/intern-placering.bpmn (Ystad).
import { describe, expect, test } from 'vitest';
import type { RuntimeApi } from '../../src/runtime/index.js';
import { apartmentOf, completeTask, inboxOf, openTasks, useHarness } from '../helpers/feature-steps.js';
import { bistand, caseEvents, enhetschef, ivoRapportor, lss, solgarden, startInternPlacering } from './kits/intern-placering-kit.js';

const harness = useHarness();

const housing = {
  ...solgarden,
  apartments: [
    ...solgarden.apartments,
    { id: 'solgarden-14', unitId: 'solgarden', number: '14', rooms: 2, sizeSqm: 41, rent: 7200, status: 'ledig' as const },
    { id: 'solgarden-3', unitId: 'solgarden', number: '3', rooms: 1, sizeSqm: 33, rent: 6000, status: 'uthyrd' as const },
  ],
};

async function startCase(lag: 'SoL' | 'LSS' = 'SoL'): Promise<{ rt: RuntimeApi; id: string }> {
  const insats = lag === 'SoL' ? 'Särskilt boende för äldre, SoL' : 'Bostad med särskild service för vuxna, 9 § 9 LSS';
  const variables = { beslutsdatum: '2027-01-10', brukare: 'Brukare-22', kon: 'man', lag, insats, ursprung: 'nyttBeslut' } as const;
  return startInternPlacering(harness, variables, lag === 'SoL' ? bistand : lss, { housing });
}

describe('intern-placering when the offer is declined or the placement changes', () => {
  test('when the person declines, then the reason is kept, the apartment is free again, the person stays in the queue and Myndigheten anvisar anew', async () => {
    // given
    const { rt, id } = await startCase();
    await completeTask(rt, id, 'bevakaLedigLagenhet', { atgard: 'anvisa' }, bistand);
    await completeTask(rt, id, 'anvisaLedigLagenhet', { lagenhetId: 'solgarden-12' }, bistand);
    await completeTask(rt, id, 'erbjudLagenheten', { erbjudandedatum: '2027-01-15', visningsdatum: '2027-01-16' }, enhetschef);

    // when
    await completeTask(rt, id, 'svarPaErbjudandet', { svar: 'nej' }, enhetschef);
    const declineForm = rt.listTasks({ instanceId: id }, enhetschef)[0]?.form.map((f) => [f.id, f.readonly]);
    await completeTask(rt, id, 'tackaNej', { avbojandeorsak: 'Vill bo närmare dottern.' }, enhetschef);
    const afterDecline = { tasks: openTasks(rt, id, bistand), queue: rt.housingRegister().queue[0]?.status, status: apartmentOf(rt, 'solgarden-12')?.status };
    await completeTask(rt, id, 'bevakaLedigLagenhet', { atgard: 'anvisa' }, bistand);
    await completeTask(rt, id, 'anvisaLedigLagenhet', { lagenhetId: 'solgarden-14' }, bistand);
    await completeTask(rt, id, 'erbjudLagenheten', { erbjudandedatum: '2027-01-20', visningsdatum: '2027-01-21' }, enhetschef);

    // then
    expect(declineForm).toEqual([['avbojandeorsak', false], ['villStaKvarIKo', true]]);
    expect(afterDecline).toEqual({ tasks: ['bevakaLedigLagenhet'], queue: 'aktiv', status: 'ledig' });
    expect(inboxOf(rt, bistand, id).map((b) => b.body)).toEqual([
      'Personen har tackat nej till lägenhet Solgården 12. Uppgiven orsak: ”Vill bo närmare dottern.”. Personen står kvar i kö.',
    ]);
    expect(rt.housingRegister().offers.map((o) => [o.apartmentId, o.answer, o.reason])).toEqual([
      ['solgarden-14', null, null],
      ['solgarden-12', 'nej', 'Vill bo närmare dottern.'],
    ]);
    expect(apartmentOf(rt, 'solgarden-14')?.status).toBe('reserverad');
    expect(await caseEvents(rt, id)).toEqual([
      ['case.erbjudande', '2027-01-15', null],
      ['case.avbojt', '2027-01-15', 'Vill bo närmare dottern.'],
      ['case.erbjudande', '2027-01-20', null],
    ]);
  });

  test('when Myndigheten anvisar, then only vacant apartments can be picked: a let one, an unknown one or free text is refused, the task stays open and the register is unchanged', async () => {
    // given
    const { rt, id } = await startCase();
    await completeTask(rt, id, 'bevakaLedigLagenhet', { atgard: 'anvisa' }, bistand);
    const form = rt.listTasks({ instanceId: id }, bistand).find((t) => t.elementId === 'anvisaLedigLagenhet')!.form;

    // when
    const refused = [];
    for (const lagenhetId of ['solgarden-3', 'finns-inte', 'Lgh 12 å']) {
      refused.push(await completeTask(rt, id, 'anvisaLedigLagenhet', { lagenhetId }, bistand).catch((err: { code: string; fields: unknown }) => [err.code, err.fields]));
    }

    // then
    expect(form.find((f) => f.id === 'lagenhetId')?.values).toEqual([
      { id: 'solgarden-12', name: 'Solgården 12 (1 rum, 34 m²)' },
      { id: 'solgarden-14', name: 'Solgården 14 (2 rum, 41 m²)' },
    ]);
    expect(refused).toEqual(Array(3).fill(['validation_failed', [{ field: 'lagenhetId', message: 'Välj en av lägenheterna i listan.' }]]));
    expect(openTasks(rt, id, bistand)).toEqual(['anvisaLedigLagenhet']);
    expect(rt.housingRegister().apartments.map((a) => a.status)).toEqual(['ledig', 'ledig', 'uthyrd']);
    expect(inboxOf(rt, bistand, id)).toEqual([]);
  });

  test('when Myndigheten closes the decision, then it is recorded with its reason, the queue entry ends and no IVO watch follows', async () => {
    // given
    const { rt, id } = await startCase();

    // when
    await completeTask(rt, id, 'bevakaLedigLagenhet', { atgard: 'avsluta' }, bistand);
    await completeTask(rt, id, 'avslutaBeslutet', { avslutsorsak: 'Ansökan återtagen' }, bistand);
    await rt.moveClock({ to: '2027-08-01T08:00:00Z' });

    // then
    expect(await caseEvents(rt, id)).toEqual([['case.avslutat', '2027-01-15', 'Ansökan återtagen']]);
    expect(rt.housingRegister().queue[0]).toMatchObject({ status: 'avslutad', closedReason: 'Ansökan återtagen' });
    expect(rt.getInstance(id).state).toBe('completed');
    expect(inboxOf(rt, ivoRapportor, id)).toEqual([]);
  });

  test('when Myndigheten judges that an external placement is needed, then the case starts extern placering as its own case with the same decision and waits for it, and ends when that case ends', async () => {
    // given
    const { rt, id } = await startCase('LSS');
    const decisionId = rt.decisionOfCase(id)!.id;

    // when
    await completeTask(rt, id, 'bevakaLedigLagenhet', { atgard: 'extern', placeringstyp: 'korttid' }, lss);
    const [extern] = rt.caseCalls(id).children;
    const externId = extern!.instanceId;
    const waitingAt = rt.getInstance(id).active.map((a) => a.elementId);
    await rt.moveClock({ to: '2027-05-01T08:00:00Z' });
    const ivoWatches = { intern: inboxOf(rt, ivoRapportor, id).length, extern: inboxOf(rt, ivoRapportor, externId).map((b) => b.subject) };
    await rt.recordDecisionEvent(decisionId, { type: 'avslutat', date: '2027-05-01', reason: 'Ansökan återtagen' }, lss);

    // then
    expect(extern).toMatchObject({ processName: 'Extern placering – boendekoordination', stepName: 'Extern placering' });
    expect(rt.getInstance(externId).variables).toMatchObject({ brukare: 'Brukare-22', beslutsdatum: '2027-01-10', lag: 'LSS', placeringstyp: 'korttid', ivoBevakningsdatum: '2027-04-10' });
    expect(rt.caseCalls(externId).calledBy).toMatchObject({ instanceId: id, stepName: 'Extern placering' });
    expect(waitingAt).toContain('startaExternPlacering');
    expect(inboxOf(rt, lss, id)).toEqual([]);
    // The intern queue entry ended at the hand-over; the extern case's own ended with the decision.
    expect(rt.housingRegister().queue.map((q) => q.closedReason).sort()).toEqual(['Ansökan återtagen', 'Beslutet verkställs genom extern placering']);
    expect(await caseEvents(rt, id)).toEqual([['case.overlamnad', '2027-01-15', null]]);
    // One decision, one IVO clock: the extern case carries the decision and watches it from the same date.
    expect(rt.listDecisions({}).map((d) => [d.id, d.instanceId])).toEqual([[decisionId, externId]]);
    expect(ivoWatches).toEqual({ intern: 0, extern: ['Ej verkställt boendebeslut: rapportera till IVO'] });
    expect(rt.ivoReport('2027Q2').rows.map((r) => r.instanceId)).toEqual([externId]);
    expect(rt.getInstance(externId).state).toBe('completed');
    expect(rt.getInstance(id).state).toBe('completed');
    expect((await rt.getHistory(id)).filter((e) => e.type.startsWith('call.')).map((e) => [e.type, e.elementId])).toEqual([['call.started', 'startaExternPlacering'], ['call.completed', 'startaExternPlacering']]);
  });
});
