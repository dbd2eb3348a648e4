// DEMO=1 on an empty store: a few korttidsvistelse cases at different stages, so the API has something to show.
import type { Actor, RuntimeApi } from '../engine/runtime-api.js';
import { demoHousing } from './demo-housing.js';

const handlaggare: Actor = { username: 'lss-handlaggare', roles: ['lss-handlaggare'] };
const enhetschef: Actor = { username: 'enhetschef', roles: ['enhetschef'] };
const processKey = 'korttidsvistelse-lss';

/** The demo register, when the register is empty. */
export async function seedDemoHousing(runtime: RuntimeApi): Promise<boolean> {
  if (runtime.housingRegister().units.length > 0) return false;
  await runtime.seedHousing(demoHousing);
  return true;
}

/** Seeds only when the process is deployed and no instance exists yet; returns how many cases were made. */
export async function seedDemoCases(runtime: RuntimeApi): Promise<number> {
  if (!runtime.listProcesses().some((p) => p.key === processKey)) return 0;
  if (runtime.listInstances({}).length > 0) return 0;
  const start = (businessKey: string, brukare: string, beslutsdatum: string) =>
    runtime.startInstance(processKey, { businessKey, variables: { beslutsdatum, brukare, kon: 'kvinna', antalDygn: 8, behov: 'Korttidsvistelse två helger i månaden.' } }, handlaggare);

  await start('DEMO-KTV-1', 'Demobrukare A', '2026-11-02');

  const executed = await start('DEMO-KTV-2', 'Demobrukare B', '2026-10-12');
  const [task] = runtime.listTasks({ instanceId: executed.id }, enhetschef);
  if (task) await runtime.completeTask(task.id, { verkstallighetsdatum: '2026-10-19' }, enhetschef);

  const blocked = await start('DEMO-KTV-3', 'Demobrukare C', '2026-09-28');
  await runtime.deliverMessage(blocked.id, 'kanInteVerkstallas', { orsak: 'Ingen ledig plats på korttidsboendet de önskade helgerna.' }, enhetschef);
  return 3;
}
