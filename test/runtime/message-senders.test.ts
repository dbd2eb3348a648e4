// Who may send a message to a case: a role that acts in its process (starts it, or has tasks in it), or an admin.
import { afterEach, describe, expect, test } from 'vitest';
import { realDiagram, who } from '../helpers/feature-steps.js';
import { startHarness, type Harness } from '../helpers/runtime-harness.js';

describe('message senders on boendestod', () => {
  let h: Harness;
  afterEach(() => h?.close());

  async function startBoendestod(): Promise<string> {
    h = await startHarness({ processes: [await realDiagram('boendestod')], start: '2027-01-15T08:00:00Z' });
    const variables = { beslutsdatum: '2027-01-10', brukare: 'Brukare-3', kon: 'kvinna', arendetyp: 'nytt' };
    return (await h.runtime.startInstance('boendestod', { variables }, who('bistandshandlaggare'))).id;
  }

  test.each(['utforare', 'bistandshandlaggare', 'enhetschef'])('when %s, who acts in the process, sends a message the case is not waiting for, then it gets past the door and is told so', async (role) => {
    // given a case that has just started: nobody is absent yet
    const id = await startBoendestod();
    // when
    const attempt = h.runtime.deliverMessage(id, 'franvaroOver30Dagar', { franvaroFran: '2027-01-14', franvaroBeskrivning: 'På sjukhus.' }, who(role));
    // then
    await expect(attempt).rejects.toMatchObject({ code: 'conflict' });
  });

  test.each(['lss-handlaggare', 'ivo-rapportor', 'revisor'])('when %s, who does not act in the process, sends a message, then it is forbidden and nothing changes', async (role) => {
    // given
    const id = await startBoendestod();
    const before = await h.runtime.getHistory(id);
    // when
    const attempt = h.runtime.deliverMessage(id, 'boendestodAvslutat', { avslutsdatum: '2027-01-15', avslutsorsak: 'Flyttat.' }, who(role));
    // then
    await expect(attempt).rejects.toMatchObject({ code: 'forbidden' });
    expect(await h.runtime.getHistory(id)).toEqual(before);
  });
});
