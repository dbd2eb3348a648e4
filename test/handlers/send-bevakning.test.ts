// Unit tests of the "Skicka bevakning" handler with a fake context.
import { describe, expect, test } from 'vitest';
import { defaultHandlers } from '../../src/handlers/index.js';
import { sendBevakning } from '../../src/handlers/send-bevakning.js';
import { handlerHarness } from '../helpers/handler-context.js';

function fakeContext() {
  const { context, sent, logged } = handlerHarness({ variables: { brukare: 'Brukare-4711', orsak: 'Känslig uppgift om hälsa' } });
  return { context, sent, logged };
}

describe('sendBevakning', () => {
  test('when the input is valid, then one bevakning lands in the named group and nothing is returned', async () => {
    // given
    const { context, sent } = fakeContext();
    const input = sendBevakning.input.parse({ group: 'ivo-rapportor', subject: 'Ej verkställt beslut', body: 'Rapportera.' });

    // when
    const result = await sendBevakning.run(input, context);

    // then
    expect(sent).toEqual([{ group: 'ivo-rapportor', subject: 'Ej verkställt beslut', body: 'Rapportera.' }]);
    expect(result).toEqual({});
  });

  test('when the body is left out, then the bevakning is sent with an empty body', async () => {
    // given
    const { context, sent } = fakeContext();

    // when
    await sendBevakning.run(sendBevakning.input.parse({ group: 'enhetschef', subject: 'Brukaren har avlidit' }), context);

    // then
    expect(sent).toEqual([{ group: 'enhetschef', subject: 'Brukaren har avlidit', body: '' }]);
  });

  test('when the group is not a work role, then the input is refused', () => {
    // given
    const input = { group: 'admin', subject: 'Ämne', body: '' };

    // when
    const result = sendBevakning.input.safeParse(input);

    // then
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['group']);
  });

  test('when the subject is empty or over 200 characters, then the input is refused', () => {
    // given
    const empty = { group: 'enhetschef', subject: '  ', body: '' };
    const long = { group: 'enhetschef', subject: 'a'.repeat(201), body: '' };

    // when
    const results = [sendBevakning.input.safeParse(empty), sendBevakning.input.safeParse(long)];

    // then
    expect(results.map((r) => r.success)).toEqual([false, false]);
  });

  test('when the body is over 2000 characters, then the input is refused', () => {
    // given
    const input = { group: 'lss-handlaggare', subject: 'Påminnelse', body: 'x'.repeat(2001) };

    // when
    const result = sendBevakning.input.safeParse(input);

    // then
    expect(result.success).toBe(false);
  });

  test('when a bevakning is sent, then the log holds neither its text nor the process variables', async () => {
    // given
    const { context, logged } = fakeContext();
    const input = sendBevakning.input.parse({ group: 'lss-handlaggare', subject: 'Orsak för Brukare-4711', body: 'Känslig uppgift om hälsa' });

    // when
    await sendBevakning.run(input, context);

    // then
    const text = JSON.stringify(logged);
    expect(logged).toHaveLength(1);
    expect(text).not.toContain('Brukare-4711');
    expect(text).not.toContain('Känslig');
  });

  test('when the runtime loads the registry, then sendBevakning is there under its name with a Swedish title', () => {
    // given
    const byName = new Map(defaultHandlers.map((h) => [h.name, h]));

    // when
    const handler = byName.get('sendBevakning');

    // then
    expect(handler?.title).toBe('Skicka bevakning');
    expect(defaultHandlers).toHaveLength(byName.size);
  });
});
