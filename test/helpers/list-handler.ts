// A handler for the multi-instance tests: makes a list of children from names typed at the start, as a lookup would.
import { z } from 'zod';
import { defineHandler } from '../../src/handlers/handler.js';
import { defaultHandlers } from '../../src/handlers/index.js';

/** `namn: "Alva, Bror"` → `barnen: [{namn: "Alva"}, {namn: "Bror"}]`; "saknas" sets no list at all, "text" a text. */
export const testLista = defineHandler({
  name: 'testLista',
  title: 'Testlista',
  input: z.object({ namn: z.string().optional() }),
  async run({ namn }) {
    if (namn === 'saknas') return {};
    if (namn === 'text') return { barnen: 'Alva och Bror' };
    return { barnen: (namn ?? '').split(',').map((n) => n.trim()).filter(Boolean).map((n) => ({ namn: n })) };
  },
});

export const listHandlers = [...defaultHandlers, testLista];
