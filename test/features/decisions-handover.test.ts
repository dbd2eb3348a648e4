// A decision handed on from intern placering to extern placering (the intern case starts the extern one through its
// call activity) moves with its id and its events, and is reported once, by the case that carries it now.
import { describe, expect, test } from 'vitest';
import { completeTask, realDiagram, useHarness } from '../helpers/feature-steps.js';
import { havsutsikten, lss } from './kits/extern-placering-kit.js';

const harness = useHarness();
const insats = 'Bostad med särskild service för vuxna, 9 § 9 LSS';

/** An intern LSS placement (case IP-7, decided 2027-01-10) that Myndigheten hands on to an extern placement, which it starts. */
async function handedOn() {
  const rt = await harness.start({ processes: [await realDiagram('intern-placering'), await realDiagram('extern-placering')], start: '2027-01-15T08:00:00Z', housing: havsutsikten });
  const variables = { beslutsdatum: '2027-01-10', brukare: 'Brukare-22', kon: 'man', lag: 'LSS', insats, ursprung: 'nyttBeslut' };
  const { id: internId } = await rt.startInstance('intern-placering', { businessKey: 'IP-7', variables }, lss);
  const decisionId = rt.decisionOfCase(internId)!.id;
  await completeTask(rt, internId, 'bevakaLedigLagenhet', { atgard: 'extern', placeringstyp: 'permanent' }, lss);
  return { rt, internId, decisionId, externId: rt.caseCalls(internId).children[0]!.instanceId };
}

const externStart = (overlamnatFran: string) => ({
  businessKey: 'EP-7',
  variables: { beslutsdatum: '2027-01-10', brukare: 'Brukare-22', kon: 'man', lag: 'LSS', insats, ursprung: 'nyttBeslut', placeringstyp: 'permanent', overlamnatFran },
});

describe('a decision handed on', () => {
  test('when the intern case starts the extern placement, then that carries the same decision with the same case number and the IVO report lists it once, there', async () => {
    // given
    const { rt, internId, decisionId, externId } = await handedOn();
    // when
    await rt.moveClock({ to: '2027-05-01T08:00:00Z' });
    // then
    expect(rt.listDecisions({}).map((d) => [d.id, d.instanceId, d.beslutsdatum])).toEqual([[decisionId, externId, '2027-01-10']]);
    expect(rt.getDecision(decisionId).instanceId).toBe(externId);
    expect(rt.decisionOfCase(internId)?.events.map((e) => e.type)).toEqual(['overlamnad']);
    expect(rt.getInstance(externId).businessKey).toBe('IP-7');
    expect(rt.ivoReport('2027Q2').rows.map((r) => r.instanceId)).toEqual([externId]);
  });

  test('when the case number names no handed-on decision, or one the called extern case took over, then a start by hand is refused naming the field', async () => {
    // given
    const { rt } = await handedOn();
    const before = rt.listInstances({}).length;
    // when
    const unknown = rt.startInstance('extern-placering', externStart('IP-404'), lss);
    const twice = rt.startInstance('extern-placering', externStart('IP-7'), lss);
    // then
    await expect(unknown).rejects.toMatchObject({ code: 'validation_failed', fields: [{ field: 'overlamnatFran', message: 'Inget ärende med det ärendenumret har lämnat över ett beslut.' }] });
    await expect(twice).rejects.toMatchObject({ code: 'validation_failed', fields: [{ field: 'overlamnatFran', message: 'Beslutet har redan tagits över av ett annat ärende.' }] });
    expect(rt.listInstances({})).toHaveLength(before);
  });
});
