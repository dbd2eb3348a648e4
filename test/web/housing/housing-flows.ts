// Cases that fill the housing register through the real routines, for the register's page and access tests.
import { readFile } from 'node:fs/promises';
import type { TestApp } from '../test-app.js';

/** Deploys the real diagram `processes/<key>.bpmn` through the API, as the process owner. */
export async function deploy(t: TestApp, key: string): Promise<void> {
  const xml = await readFile(new URL(`../../../processes/${key}.bpmn`, import.meta.url), 'utf8');
  const deployed = await t.call('processagare', { method: 'POST', url: '/api/processes', headers: { 'content-type': 'application/xml' }, payload: xml });
  if (deployed.statusCode !== 201) throw new Error(`deploy of ${key} failed: ${deployed.body}`);
}

/** Starts `key` as `user` with the start form's `variables`; returns the case's id. */
export async function start(t: TestApp, user: string, key: string, variables: Record<string, unknown>): Promise<string> {
  const started = await t.call(user, { method: 'POST', url: `/api/processes/${key}/instances`, payload: { variables } });
  if (started.statusCode !== 201) throw new Error(`start of ${key} failed: ${started.body}`);
  return started.json().id;
}

/** Completes the instance's open task `elementId` as admin. */
async function complete(t: TestApp, instanceId: string, elementId: string, variables: Record<string, unknown>): Promise<void> {
  const tasks: { id: string; elementId: string }[] = (await t.call('admin', { method: 'GET', url: `/api/tasks?instanceId=${instanceId}` })).json();
  const task = tasks.find((x) => x.elementId === elementId);
  if (!task) throw new Error(`${elementId} is not open: ${tasks.map((x) => x.elementId).join(', ')}`);
  const done = await t.call('admin', { method: 'POST', url: `/api/tasks/${task.id}/complete`, payload: { variables } });
  if (done.statusCode !== 200) throw new Error(`${elementId} failed: ${done.body}`);
}

/** The id of the choice of a reference field whose text starts with `shown`, as GET /api/tasks lists it. */
async function choiceFor(t: TestApp, instanceId: string, elementId: string, field: string, shown: string): Promise<string> {
  const tasks: { elementId: string; form: { id: string; values?: { id: string; name: string }[] }[] }[] = (await t.call('admin', { method: 'GET', url: `/api/tasks?instanceId=${instanceId}` })).json();
  const values = tasks.find((x) => x.elementId === elementId)?.form.find((f) => f.id === field)?.values ?? [];
  const found = values.find((v) => v.name.startsWith(shown));
  if (!found) throw new Error(`${field} offers no "${shown}": ${values.map((v) => v.name).join(' | ')}`);
  return found.id;
}

/**
 * Sokande-A's decision about särskilt boende (queued on it), a vacancy at Ekbacken 102 (demo register) offered to her
 * by the vacancy routine, and her no with a reason registered in her decision case; returns that case.
 */
export async function declinedOffer(t: TestApp): Promise<string> {
  await deploy(t, 'sol-sarskilt-boende');
  await deploy(t, 'sol-lagenhetserbjudande');
  const decision = await start(t, 'bistandshandlaggare', 'sol-sarskilt-boende', {
    beslutsdatum: '2026-11-20', brukare: 'Sokande-A', kon: 'man', franKorttidsboende: true,
    behov: 'Demens, behöver tillsyn.', hemtjanstgrupp: 'Hemtjänst Norr', kontaktuppgifter: 'Son, 070-111 11 11',
  });
  const id = await start(t, 'enhetschef', 'sol-lagenhetserbjudande', { lagenhetId: 'ekbacken-102', ledighetsorsak: 'flyttat' });
  await complete(t, id, 'journalforUtflyttning', { utflyttningsdatum: '2027-01-14' });
  await complete(t, id, 'meddelaKlarForInflytt', { klarForInflytt: '2027-01-18' });
  await complete(t, id, 'registreraLedigLagenhet', { lagenhetStorlek: '1 rum, 29 m²', hyra: 5150 });
  await complete(t, id, 'boendeprioritering', { sokande: await choiceFor(t, id, 'boendeprioritering', 'sokande', 'Sokande-A –'), prioriteringsgrund: 'Längst kötid.', dialogOmRum: false });
  await complete(t, id, 'ringOchErbjud', { erbjudandedatum: '2027-01-18', visningsdatum: '2027-01-19', beskedsdatum: '2027-01-20', vemRinger: 'enskilde' });
  await complete(t, id, 'andraReserveratDatum', { journalfort: true });
  await t.call('admin', { method: 'POST', url: '/api/clock', payload: { to: '2027-01-21T08:00:00Z' } });
  await complete(t, decision, 'registreraBesked', { svar: 'nej', svarsdatum: '2027-01-20', beskedKommentar: 'Vill bo närmare dottern i Solna.' });
  return decision;
}
