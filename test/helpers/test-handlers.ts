// Handlers used only by the engine tests: one whose outcome the start form decides.
import { z } from 'zod';
import { BpmnBusinessError, defineHandler } from '../../src/handlers/handler.js';
import { defaultHandlers } from '../../src/handlers/index.js';

export const testOutcome = defineHandler({
  name: 'testOutcome',
  title: 'Testutfall',
  input: z.object({ utfall: z.enum(['ok', 'affarsfel', 'tekniskt']) }),
  async run({ utfall }) {
    if (utfall === 'affarsfel') throw new BpmnBusinessError('INGEN_PLATS', 'Ingen plats ledig');
    if (utfall === 'tekniskt') throw new Error('Bokningssystemet svarar inte');
    return { bokad: true };
  },
});

export const testHandlers = [...defaultHandlers, testOutcome];
