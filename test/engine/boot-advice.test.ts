// The diagrams in processes/ at boot: their style findings do not stop the start and are logged for the analyst.
import { describe, expect, test } from 'vitest';
import { startHarness } from '../helpers/runtime-harness.js';

describe('style findings at boot', () => {
  test('when a diagram in processes/ has unnamed events, then the server starts and logs each finding with its file and element', async () => {
    // given
    const warned: { fields: Record<string, unknown>; message: string | undefined }[] = [];
    const logger = { info() {}, error() {}, warn: (fields: Record<string, unknown>, message?: string) => void warned.push({ fields, message }) };
    // when
    const h = await startHarness({ processes: ['modelers/camunda-modeler-stil.bpmn'], logger });
    try {
      // then
      expect(h.runtime.listProcesses().map((p) => p.key)).toEqual(['camunda-modeler-stil']);
      expect(warned).toContainEqual({ fields: { file: 'camunda-modeler-stil.bpmn', elementId: 'StartEvent_1', finding: 'Elementet saknar namn. (label-required)' }, message: 'diagrammet har en anmärkning' });
    } finally {
      await h.close();
    }
  });
});
