// Unit tests of the key made from a process id that other modelers write (Process_1x2y, signeringProcess).
import { describe, expect, test } from 'vitest';
import { processKeyFrom } from '../../src/engine/definitions/normalize-process-key.js';

describe('processKeyFrom', () => {
  test.each([
    ['Process_1x2y', 'process-1x2y'],
    ['signeringProcess', 'signering-process'],
    ['XMLImport_v2', 'xml-import-v2'],
    ['ÄrendeHantering', 'arende-hantering'],
    ['1_process', 'process-1-process'],
    ['__', 'process'],
  ])('when the id is %s, then the key is %s', (id, key) => {
    // given an id as a modeler writes it

    // when
    const made = processKeyFrom(id);

    // then
    expect(made).toBe(key);
    expect(made).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  test('when the id is kebab-case already, then it stays as it is, so nothing deployed changes', () => {
    // given / when / then
    expect(processKeyFrom('korttidsvistelse-lss')).toBe('korttidsvistelse-lss');
  });

  test('when the same id is read twice, then it gives the same key', () => {
    // given / when / then
    expect(processKeyFrom('Process_0d4x7s1')).toBe(processKeyFrom('Process_0d4x7s1'));
  });
});
