import { describe, expect, test } from 'vitest';
import { refuseScripts, serviceLookupOnly } from '../../src/engine/elements/engine-guards.js';

describe('engine guards', () => {
  test('when the engine registers a script task or script condition, then it fails instead of running it', () => {
    // given
    const scriptTask = { id: 'rakna', type: 'bpmn:ScriptTask', behaviour: { scriptFormat: 'javascript' } };
    const scriptFlow = { id: 'f1', type: 'bpmn:SequenceFlow', behaviour: { conditionExpression: { language: 'js' } } };
    // when / then
    expect(() => refuseScripts.register(scriptTask)).toThrow(/<rakna> scripts are not allowed/);
    expect(() => refuseScripts.register(scriptFlow)).toThrow(/<f1> scripts are not allowed/);
    expect(() => refuseScripts.getScript('javascript', { id: 'f1' })).toThrow(/not allowed/);
    expect(refuseScripts.getScript(undefined, { id: 'f2' })).toBeUndefined();
  });

  test('when an expression is anything but a service lookup, then it is refused and never walked', () => {
    // given
    const services: Record<string, unknown> = { sendBevakning: () => undefined };
    const context = { environment: { getServiceByName: (name: string) => services[name] } };
    // when / then
    expect(serviceLookupOnly.resolveExpression('${environment.services.sendBevakning}', context)).toBe(services.sendBevakning);
    expect(() => serviceLookupOnly.resolveExpression("${environment.constructor.constructor('return process')()}", context)).toThrow(/not allowed/);
    expect(() => serviceLookupOnly.resolveExpression('Hej ${environment.variables.namn}', context)).toThrow(/not allowed/);
    expect(serviceLookupOnly.resolveExpression('Brukare avliden', context)).toBe('Brukare avliden');
  });
});
