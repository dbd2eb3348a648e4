import { describe, expect, test } from 'vitest';
import { DefinitionError } from '../../../src/errors.js';
import { startHarness } from '../../helpers/runtime-harness.js';

describe('event sub-processes', () => {
  test('when a diagram has event sub-processes with a message and a timer start, then each is refused saying what to draw instead', async () => {
    // given: tried on bpmn-elements 17, a timer start in an event sub-process is never armed
    const boot = startHarness({ processes: ['structure/handelsestyrd.bpmn'] });
    // when
    const err = await boot.then((h) => h.close().then(() => null), (e: unknown) => e);
    // then
    expect(err).toBeInstanceOf(DefinitionError);
    const problems = (err as DefinitionError).problems.filter((p) => p.message.startsWith('Händelsestyrda delprocesser stöds inte ännu'));
    expect(problems.map((p) => p.elementId)).toEqual(['aterkallad', 'paminnelse']);
    expect(problems[0]!.message).toContain('gränshändelse (boundary event)');
  });
});
