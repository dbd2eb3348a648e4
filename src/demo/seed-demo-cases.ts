// DEMO=1 on an empty store: a register with units and apartments, and cases of the routines at different stages.
import type { Actor } from '../auth/index.js';
import type { RuntimeApi } from '../runtime/index.js';
import { demoHousing } from './demo-housing.js';
import { seedClosedAfterBooking } from './demo-lss-closed.js';

const actor = (role: string): Actor => ({ username: role, roles: [role] });
const lss = actor('lss-handlaggare');
const enhetschef = actor('enhetschef');
const samordnare = actor('boendesamordnare');

/** The demo register, when the register is empty. */
export async function seedDemoHousing(runtime: RuntimeApi): Promise<boolean> {
  if (runtime.housingRegister().units.length > 0) return false;
  await runtime.seedHousing(demoHousing);
  return true;
}

/** Seeds only into a store without instances, and only processes that are deployed; returns how many cases were made. */
export async function seedDemoCases(runtime: RuntimeApi): Promise<number> {
  if (runtime.listInstances({}).length > 0) return 0;
  const deployed = new Set(runtime.listProcesses().map((p) => p.key));
  let made = 0;
  const start = async (key: string, businessKey: string, variables: Record<string, unknown>, by: Actor) => {
    made++;
    return runtime.startInstance(key, { businessKey, variables }, by);
  };

  if (deployed.has('korttidsvistelse-lss')) {
    const order = (businessKey: string, brukare: string, beslutsdatum: string) =>
      start('korttidsvistelse-lss', businessKey, { beslutsdatum, brukare, kon: 'kvinna', antalDygn: 8, behov: 'Korttidsvistelse två helger i månaden.' }, lss);
    await order('DEMO-KTV-1', 'Demobrukare A', '2026-11-02');
    const executed = await order('DEMO-KTV-2', 'Demobrukare B', '2026-10-12');
    const [task] = runtime.listTasks({ instanceId: executed.id }, enhetschef);
    if (task) await runtime.completeTask(task.id, { verkstallighetsdatum: '2026-10-19' }, enhetschef);
    // Executed, then interrupted: reportable to IVO again if not resumed within 3 months of the interruption.
    const decision = runtime.decisionOfCase(executed.id);
    if (decision && runtime.clockNow().now >= '2026-11-21') {
      await runtime.recordDecisionEvent(decision.id, { type: 'avbrott', date: '2026-11-20', reason: 'Korttidshemmet stängt efter en vattenskada.' }, enhetschef);
    }
    const blocked = await order('DEMO-KTV-3', 'Demobrukare C', '2026-09-28');
    await runtime.deliverMessage(blocked.id, 'kanInteVerkstallas', { orsak: 'Ingen ledig plats på korttidsboendet de önskade helgerna.' }, enhetschef);
  }
  // Decided in August: more than 3 months have passed, so the IVO watch has already raised its first bevakning.
  if (deployed.has('lss-boende')) {
    await start('lss-boende', 'DEMO-LSS-1', { beslutsdatum: '2026-08-10', brukare: 'Demobrukare D', kon: 'man' }, lss);
    made++;
    await seedClosedAfterBooking(runtime);
  }
  if (deployed.has('boendestod')) {
    await start('boendestod', 'DEMO-BS-1', { beslutsdatum: '2026-11-10', brukare: 'Demobrukare E', kon: 'kvinna', arendetyp: 'nytt' }, actor('bistandshandlaggare'));
  }
  // Särskilt boende SoL: one decision waiting in the queue since August (past 3 months, reported to IVO), one from
  // November; the vacancy routine below will offer an apartment to one of them by name.
  if (deployed.has('sol-sarskilt-boende')) {
    const bistand = actor('bistandshandlaggare');
    const person = (brukare: string, beslutsdatum: string, kon: string, franKorttidsboende: boolean) => ({
      beslutsdatum, brukare, kon, franKorttidsboende,
      behov: 'Demens, behöver tillsyn dygnet runt.', hemtjanstgrupp: 'Hemtjänst Centrum', kontaktuppgifter: 'Anhörig, 070-000 00 00',
    });
    const waiting = await start('sol-sarskilt-boende', 'DEMO-SOLB-1', person('Demobrukare H', '2026-08-17', 'kvinna', true), bistand);
    await start('sol-sarskilt-boende', 'DEMO-SOLB-2', person('Demobrukare I', '2026-11-16', 'man', false), bistand);
    // Its 3 months passed in November: the boendesamordnare has stated the reason for the delay for the IVO report.
    const reason = runtime.listTasks({ instanceId: waiting.id }, samordnare).find((t) => t.elementId === 'angeSkalTillDrojsmal');
    if (reason) await runtime.completeTask(reason.id, { orsakTillDrojsmal: 'Ingen ledig lägenhet med demensinriktning; den sökande står först i kön till Ekbacken.' }, samordnare);
  }
  if (deployed.has('sol-lagenhetserbjudande')) {
    await start('sol-lagenhetserbjudande', 'DEMO-SOL-1', { lagenhetId: 'ekbacken-102', ledighetsorsak: 'flyttat' }, enhetschef);
  }
  return made;
}
