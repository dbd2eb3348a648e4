// The IVO watch of processes/intern-placering.bpmn when Myndigheten chooses extern placering while the quarter's reason
// for delay is still open: the reason given afterwards reaches the decision's record, and no quarter is watched twice.
import { describe, expect, test } from 'vitest';
import { completeTask, inboxOf, openTasks, useHarness } from '../helpers/feature-steps.js';
import { ivoRapportor, lss, startInternPlacering } from './kits/intern-placering-kit.js';

const harness = useHarness();
const reason = 'Ingen lämplig lägenhet i kommunen.';
/** The day each IVO bevakning about a case names ("… är inte verkställt den 2027-04-10."), oldest first. */
const watchedDays = (rt: Parameters<typeof inboxOf>[0], id: string) => inboxOf(rt, ivoRapportor, id).map((b) => b.body.match(/den (\d{4}-\d{2}-\d{2})\./)?.[1]);

describe('intern-placering handing its decision on while the reason for delay is open', () => {
  test('when the reason is given in the intern case after extern placering took the decision over, then the IVO report and the register show it once on the decision, and each quarter is watched once', async () => {
    // given: an LSS decision of 2027-01-10, its 3 months passed, the bevakning sent and the reason task open
    const variables = { beslutsdatum: '2027-01-10', brukare: 'Brukare-22', kon: 'man', lag: 'LSS', insats: 'Bostad med särskild service för vuxna, 9 § 9 LSS', ursprung: 'nyttBeslut' } as const;
    const { rt, id: internId } = await startInternPlacering(harness, variables, lss);
    const decisionId = rt.decisionOfCase(internId)!.id;
    await rt.moveClock({ to: '2027-04-12T08:00:00Z' });
    const openAtHandover = openTasks(rt, internId, lss);

    // when
    await completeTask(rt, internId, 'bevakaLedigLagenhet', { atgard: 'extern', placeringstyp: 'permanent' }, lss);
    const externId = rt.caseCalls(internId).children[0]!.instanceId;
    const externStartsWatchingOn = rt.getInstance(externId).variables.ivoBevakningsdatum;
    await completeTask(rt, internId, 'angeSkalTillDrojsmal', { skalTillDrojsmal: reason }, lss);
    const q2 = rt.ivoReport('2027Q2').rows;
    const registered = rt.getDecision(decisionId);
    const listed = rt.listDecisions({});
    const onCasePage = rt.decisionOfCase(externId);
    await rt.moveClock({ to: '2027-07-12T08:00:00Z' });

    // then
    expect(openAtHandover).toEqual(['angeSkalTillDrojsmal', 'bevakaLedigLagenhet']);
    expect(externStartsWatchingOn).toBe('2027-07-10');
    expect(q2.map((r) => [r.instanceId, r.rapporttyp, r.skalTillDrojsmal])).toEqual([[externId, 'ny', reason]]);
    expect(registered.instanceId).toBe(externId);
    expect(registered.events.filter((e) => e.type === 'drojsmal').map((e) => [e.date, e.reason])).toEqual([['2027-04-12', reason]]);
    expect(listed.map((d) => [d.id, d.instanceId, d.events.filter((e) => e.type === 'drojsmal').length])).toEqual([[decisionId, externId, 1]]);
    expect(onCasePage?.events.filter((e) => e.type === 'drojsmal')).toHaveLength(1);
    // One bevakning per watch day across both cases: the intern case's for 2027-04-10, the extern case's from the next one.
    expect({ intern: watchedDays(rt, internId), extern: watchedDays(rt, externId) }).toEqual({ intern: ['2027-04-10'], extern: ['2027-07-10'] });
    expect(rt.getInstance(internId).waitingFor.filter((w) => w.type === 'timer')).toEqual([]);
  });
});
