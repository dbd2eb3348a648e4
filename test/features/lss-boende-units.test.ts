// lss-boende and intern placering with enhetschefer tied to their boenden: once an apartment is reserved, the offer's and
// the move-in's work goes to the enhetschef of the boende the apartment belongs to, and not to another boende's.
import { describe, expect, test } from 'vitest';
import type { Actor } from '../../src/auth/index.js';
import type { RuntimeApi } from '../../src/runtime/index.js';
import { completeTask, useHarness } from '../helpers/feature-steps.js';
import { bistand, startInternPlacering } from './kits/intern-placering-kit.js';
import { formedling, intake, samordnare, startLssBoende } from './kits/lss-boende-kit.js';

const harness = useHarness();
const twoBoenden = {
  units: [
    { id: 'solrosen', name: 'Gruppbostad Solrosen', law: 'LSS' as const, profile: 'Gruppbostad för vuxna' },
    { id: 'lonnen', name: 'Servicebostad Lönnen', law: 'LSS' as const, profile: 'Servicebostad' },
  ],
  apartments: [
    { id: 'solrosen-3', unitId: 'solrosen', number: '3', rooms: 2, sizeSqm: 42, rent: 6200, status: 'ledig' as const },
    { id: 'lonnen-1', unitId: 'lonnen', number: '1', rooms: 1, sizeSqm: 35, rent: 5400, status: 'ledig' as const },
  ],
};
const solrosensChef: Actor = { username: 'ec-solrosen', roles: ['enhetschef'], units: ['solrosen'] };
const lonnensChef: Actor = { username: 'ec-lonnen', roles: ['enhetschef'], units: ['lonnen'] };
const central: Actor = { username: 'ec-central', roles: ['enhetschef'] };

const tasksOf = (rt: RuntimeApi, id: string, actor: Actor) => rt.listTasks({ instanceId: id }, actor).map((t) => t.elementId);
const inboxOf = (rt: RuntimeApi, id: string, actor: Actor) => rt.listInbox(actor).filter((b) => b.instanceId === id).map((b) => b.subject);

describe('lss-boende, units', () => {
  test("when Solrosen's apartment is reserved, then Solrosen's enhetschef gets the viewing and the bevakning, Lönnen's does not", async () => {
    // given
    const { rt, id } = await startLssBoende(harness, twoBoenden);
    await intake(rt, id);
    // when
    await completeTask(rt, id, 'matchaBostad', { apartmentId: 'solrosen-3', matchning: 'Först på prioriteringslistan.' }, samordnare);
    await completeTask(rt, id, 'erbjudBostad', { erbjudandedatum: '2027-02-01' }, formedling);
    // then
    expect(rt.getInstance(id).variables).toMatchObject({ enhet: 'solrosen' });
    expect(tasksOf(rt, id, solrosensChef)).toContain('studiebesok');
    expect(tasksOf(rt, id, lonnensChef)).not.toContain('studiebesok');
    expect(tasksOf(rt, id, central)).toContain('studiebesok');
    expect(inboxOf(rt, id, solrosensChef).length).toBeGreaterThan(0);
    expect(inboxOf(rt, id, lonnensChef)).toEqual([]);
    const viewing = rt.listTasks({ instanceId: id }, central).find((t) => t.elementId === 'studiebesok')!;
    await expect(rt.completeTask(viewing.id, { studiebesoksdatum: '2027-02-03' }, lonnensChef)).rejects.toMatchObject({ code: 'forbidden' });
    await completeTask(rt, id, 'studiebesok', { studiebesoksdatum: '2027-02-03' }, solrosensChef);
  });

  test("when intern placering reserves Lönnen's apartment, then the offer goes to Lönnen's enhetschef only", async () => {
    // given
    const decision = { beslutsdatum: '2027-01-10', brukare: 'Brukare-7', kon: 'man' as const, lag: 'SoL' as const, insats: 'Särskilt boende för äldre, SoL', ursprung: 'nyttBeslut' as const };
    const { rt, id } = await startInternPlacering(harness, decision, bistand, { housing: twoBoenden });
    // when
    await completeTask(rt, id, 'bevakaLedigLagenhet', { atgard: 'anvisa' }, bistand);
    await completeTask(rt, id, 'anvisaLedigLagenhet', { lagenhetId: 'lonnen-1' }, bistand);
    // then
    expect(tasksOf(rt, id, lonnensChef)).toEqual(['erbjudLagenheten']);
    expect(tasksOf(rt, id, solrosensChef)).toEqual([]);
  });
});
