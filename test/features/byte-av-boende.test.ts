// Whole flows of processes/byte-av-boende.bpmn (Ystad, byte av boende) on the runtime with the manual clock.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import type { Actor, RuntimeApi } from '../../src/engine/runtime-api.js';
import { startHarness, type Harness } from '../helpers/runtime-harness.js';

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'processes', 'byte-av-boende.bpmn');
const bistand: Actor = { username: 'bistandshandlaggare', roles: ['bistandshandlaggare'] };
const lss: Actor = { username: 'lss-handlaggare', roles: ['lss-handlaggare'] };
const enhetschef: Actor = { username: 'enhetschef', roles: ['enhetschef'] };
const utforare: Actor = { username: 'utforare', roles: ['utforare'] };

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function startCase(actor: Actor, overrides: Record<string, unknown> = {}): Promise<{ rt: RuntimeApi; id: string }> {
  harness = await startHarness({ processes: [['byte-av-boende.bpmn', await readFile(file, 'utf8')]], start: '2027-02-01T08:00:00Z' });
  const rt = harness.runtime;
  const variables = {
    brukare: 'Brukare-50', lag: 'SoL', nuvarandeBoende: 'solgarden', behovEllerOnskemal: 'onskemal', beskrivning: 'Vill bo nära sin make på Lindgården.', ...overrides,
  };
  const { id } = await rt.startInstance('byte-av-boende', { variables }, actor);
  return { rt, id };
}

async function complete(rt: RuntimeApi, id: string, elementId: string, values: Record<string, unknown>, actor: Actor) {
  const task = rt.listTasks({ instanceId: id }, actor).find((t) => t.elementId === elementId);
  if (!task) throw new Error(`${elementId} is not open for ${actor.username}`);
  await rt.completeTask(task.id, values, actor);
}

const inbox = (rt: RuntimeApi, actor: Actor, id: string) => rt.listInbox(actor).filter((b) => b.instanceId === id);
const openTasks = (rt: RuntimeApi, id: string, actor: Actor) => rt.listTasks({ instanceId: id }, actor).map((t) => t.elementId);

describe('byte-av-boende', () => {
  test('when an enhetschef reports a wish to move, then Myndigheten puts it on the separate waitlist and hands over to internal placement', async () => {
    // given
    const { rt, id } = await startCase(enhetschef);
    const waitlisted = rt.housingRegister().waitlist;

    // when
    await complete(rt, id, 'bedomInriktning', { annanInriktning: 'nej' }, bistand);
    const waiting = openTasks(rt, id, bistand);
    await complete(rt, id, 'avgorNarErbjudas', { placering: 'intern' }, bistand);

    // then
    expect(waitlisted).toMatchObject([
      { applicant: 'Brukare-50', currentUnitId: 'solgarden', reason: 'Önskemål: Vill bo nära sin make på Lindgården.', status: 'aktiv', instanceId: id },
    ]);
    expect(rt.housingRegister().queue).toEqual([]);
    expect(waiting).toEqual(['avgorNarErbjudas']);
    expect(rt.housingRegister().waitlist[0]).toMatchObject({ status: 'avslutad', closedReason: 'Erbjuds lägenhet: intern placering' });
    expect(inbox(rt, bistand, id).map((b) => [b.group, b.subject])).toEqual([['bistandshandlaggare', 'Påbörja intern placering (byte av boende)']]);
    expect(inbox(rt, bistand, id)[0]?.body).toContain('Starta processen Intern placering med ”Byte av boende” och det gällande beslutets datum');
    expect(inbox(rt, enhetschef, id)).toEqual([]);
    expect(rt.getInstance(id).state).toBe('completed');
  });

  test('when another inriktning is needed, then a new investigation follows and the new decision is handed over to external placement', async () => {
    // given
    const { rt, id } = await startCase(lss, { lag: 'LSS', behovEllerOnskemal: 'behov', beskrivning: 'Behöver mer stöd nattetid.' });

    // when
    await complete(rt, id, 'bedomInriktning', { annanInriktning: 'ja', bedomning: 'Behov av gruppbostad.' }, lss);
    const investigation = openTasks(rt, id, lss);
    await complete(rt, id, 'genomforUtredning', { utredningInleddDen: '2027-02-03', nyttBeslutsdatum: '2027-03-10' }, lss);
    await complete(rt, id, 'avgorNarErbjudas', { placering: 'extern' }, lss);

    // then
    expect(investigation).toEqual(['genomforUtredning']);
    expect(rt.housingRegister().waitlist[0]).toMatchObject({ reason: 'Behov: Behöver mer stöd nattetid.', status: 'avslutad', closedReason: 'Erbjuds lägenhet: extern placering' });
    expect(inbox(rt, lss, id).map((b) => [b.group, b.subject])).toEqual([['lss-handlaggare', 'Påbörja extern placering (byte av boende)']]);
    expect(inbox(rt, lss, id)[0]?.body).toContain('för det nya beslutet från 2027-03-10');
    expect(rt.getInstance(id).state).toBe('completed');
  });

  test('when the move is no longer relevant, then the waitlist entry ends and no placement is handed over', async () => {
    // given
    const { rt, id } = await startCase(bistand);
    await complete(rt, id, 'bedomInriktning', { annanInriktning: 'nej' }, bistand);

    // when
    await complete(rt, id, 'avgorNarErbjudas', { placering: 'avslutas' }, bistand);

    // then
    expect(rt.housingRegister().waitlist[0]).toMatchObject({ status: 'avslutad', closedReason: 'Bytet är inte längre aktuellt' });
    expect(inbox(rt, bistand, id)).toEqual([]);
    expect(rt.getInstance(id).state).toBe('completed');
  });

  test('when the current housing is not given as an id, then Myndigheten gives it before the person is waitlisted', async () => {
    // given
    const { rt, id } = await startCase(enhetschef, { nuvarandeBoende: 'Solgården' });
    const beforeWaitlist = rt.housingRegister().waitlist.length;

    // when
    await complete(rt, id, 'angeNuvarandeBoende', { nuvarandeBoende: 'solgarden' }, bistand);

    // then
    expect(beforeWaitlist).toBe(0);
    expect(rt.housingRegister().waitlist.map((w) => w.currentUnitId)).toEqual(['solgarden']);
    expect(openTasks(rt, id, bistand)).toEqual(['bedomInriktning']);
  });

  test('when someone outside Myndigheten and the enhetschefer tries to start it, then it is refused', async () => {
    // given
    harness = await startHarness({ processes: [['byte-av-boende.bpmn', await readFile(file, 'utf8')]] });
    const variables = { brukare: 'Brukare-51', lag: 'SoL', nuvarandeBoende: 'solgarden', behovEllerOnskemal: 'behov', beskrivning: 'Behov av annat boende.' };

    // when
    const attempt = harness.runtime.startInstance('byte-av-boende', { variables }, utforare);

    // then
    await expect(attempt).rejects.toMatchObject({ code: 'forbidden' });
  });
});
