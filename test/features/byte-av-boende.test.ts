// Whole flows of processes/byte-av-boende.bpmn (Ystad, byte av boende) on the runtime with the manual clock.
import { describe, expect, test } from 'vitest';
import { completeTask, inboxOf, openTasks, useHarness } from '../helpers/feature-steps.js';
import { bistand, enhetschef, lss, startByteAvBoende, startByteRuntime, utforare } from './kits/byte-av-boende-kit.js';

const harness = useHarness();

describe('byte-av-boende', () => {
  test('when an enhetschef reports a wish to move, then Myndigheten puts it on the separate waitlist and hands over to internal placement', async () => {
    // given
    const { rt, id } = await startByteAvBoende(harness, enhetschef);
    const waitlisted = rt.housingRegister().waitlist;

    // when
    await completeTask(rt, id, 'bedomInriktning', { annanInriktning: 'nej' }, bistand);
    const waiting = openTasks(rt, id, bistand);
    await completeTask(rt, id, 'avgorNarErbjudas', { placering: 'intern' }, bistand);

    // then
    expect(waitlisted).toMatchObject([
      { applicant: 'Brukare-50', currentUnitId: 'solgarden', reason: 'Önskemål: Vill bo nära sin make på Lindgården.', status: 'aktiv', instanceId: id },
    ]);
    expect(rt.housingRegister().queue).toEqual([]);
    expect(waiting).toEqual(['avgorNarErbjudas']);
    expect(rt.housingRegister().waitlist[0]).toMatchObject({ status: 'avslutad', closedReason: 'Erbjuds lägenhet: intern placering' });
    expect(inboxOf(rt, bistand, id).map((b) => [b.group, b.subject])).toEqual([['bistandshandlaggare', 'Påbörja intern placering (byte av boende)']]);
    expect(inboxOf(rt, bistand, id)[0]?.body).toContain('Starta processen Intern placering med ”Byte av boende” och det gällande beslutets datum');
    expect(inboxOf(rt, enhetschef, id)).toEqual([]);
    expect(rt.getInstance(id).state).toBe('completed');
  });

  test('when another inriktning is needed, then a new investigation follows and the new decision is handed over to external placement', async () => {
    // given
    const { rt, id } = await startByteAvBoende(harness, lss, { lag: 'LSS', behovEllerOnskemal: 'behov', beskrivning: 'Behöver mer stöd nattetid.' });

    // when
    await completeTask(rt, id, 'bedomInriktning', { annanInriktning: 'ja', bedomning: 'Behov av gruppbostad.' }, lss);
    const investigation = openTasks(rt, id, lss);
    await completeTask(rt, id, 'genomforUtredning', { utredningInleddDen: '2027-02-03', nyttBeslutsdatum: '2027-03-10' }, lss);
    await completeTask(rt, id, 'avgorNarErbjudas', { placering: 'extern' }, lss);

    // then
    expect(investigation).toEqual(['genomforUtredning']);
    expect(rt.housingRegister().waitlist[0]).toMatchObject({ reason: 'Behov: Behöver mer stöd nattetid.', status: 'avslutad', closedReason: 'Erbjuds lägenhet: extern placering' });
    expect(inboxOf(rt, lss, id).map((b) => [b.group, b.subject])).toEqual([['lss-handlaggare', 'Påbörja extern placering (byte av boende)']]);
    expect(inboxOf(rt, lss, id)[0]?.body).toContain('för det nya beslutet från 2027-03-10');
    expect(rt.getInstance(id).state).toBe('completed');
  });

  test('when the move is no longer relevant, then the waitlist entry ends and no placement is handed over', async () => {
    // given
    const { rt, id } = await startByteAvBoende(harness, bistand);
    await completeTask(rt, id, 'bedomInriktning', { annanInriktning: 'nej' }, bistand);

    // when
    await completeTask(rt, id, 'avgorNarErbjudas', { placering: 'avslutas' }, bistand);

    // then
    expect(rt.housingRegister().waitlist[0]).toMatchObject({ status: 'avslutad', closedReason: 'Bytet är inte längre aktuellt' });
    expect(inboxOf(rt, bistand, id)).toEqual([]);
    expect(rt.getInstance(id).state).toBe('completed');
  });

  test('when the current housing is typed instead of picked among the units, then the report is refused naming the field and nothing is waitlisted', async () => {
    // given
    const rt = await startByteRuntime(harness, '2027-02-01T08:00:00Z');
    const variables = { brukare: 'Brukare-50', lag: 'SoL', nuvarandeBoende: 'Solgården', behovEllerOnskemal: 'onskemal', beskrivning: 'Vill flytta.' };

    // when
    const attempt = rt.startInstance('byte-av-boende', { variables }, enhetschef);

    // then
    await expect(attempt).rejects.toMatchObject({ code: 'validation_failed', fields: [{ field: 'nuvarandeBoende', message: 'Välj ett av boendena i listan.' }] });
    expect(rt.housingRegister().waitlist).toEqual([]);
    expect(rt.getProcess('byte-av-boende').startForm.find((f) => f.id === 'nuvarandeBoende')?.values).toEqual([
      { id: 'lindgarden', name: 'Lindgården (SoL, Särskilt boende för äldre)' },
      { id: 'solgarden', name: 'Solgården (SoL, Särskilt boende för äldre)' },
    ]);
  });

  test('when someone outside Myndigheten and the enhetschefer tries to start it, then it is refused', async () => {
    // given
    const rt = await startByteRuntime(harness);
    const variables = { brukare: 'Brukare-51', lag: 'SoL', nuvarandeBoende: 'solgarden', behovEllerOnskemal: 'behov', beskrivning: 'Behov av annat boende.' };

    // when
    const attempt = rt.startInstance('byte-av-boende', { variables }, utforare);

    // then
    await expect(attempt).rejects.toMatchObject({ code: 'forbidden' });
  });
});
