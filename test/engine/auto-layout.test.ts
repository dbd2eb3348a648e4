// A diagram that comes without a drawing is accepted and gets one (bpmn-auto-layout), stored with the version.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parseBpmn } from '../../src/engine/definitions/bpmn-parse.js';
import { laidOutMessage } from '../../src/engine/definitions/layout-definition.js';
import { actors, fixturesDir, startHarness, type Harness } from '../helpers/runtime-harness.js';

const utanRitning = () => readFile(path.join(fixturesDir, 'modelers', 'utan-ritning.bpmn'), 'utf8');
const repositoryProcesses = path.join(fixturesDir, '..', '..', '..', 'processes');

/** The ids of the process's flow nodes, and those its stored drawing has a shape for. */
async function drawnNodes(xml: string): Promise<{ nodes: string[]; shapes: string[] }> {
  const { definitions } = await parseBpmn(xml);
  const process = (definitions.rootElements as { $type: string; id: string; flowElements: { $type: string; id: string }[] }[]).find((r) => r.$type === 'bpmn:Process')!;
  const plane = (definitions.diagrams as { plane: { bpmnElement: { id: string }; planeElement?: { $type: string; bpmnElement: { id: string } }[] } }[])
    .map((d) => d.plane)
    .find((p) => p.bpmnElement.id === process.id);
  return {
    nodes: process.flowElements.filter((e) => e.$type !== 'bpmn:SequenceFlow').map((e) => e.id).sort(),
    shapes: (plane?.planeElement ?? []).filter((s) => s.$type === 'bpmndi:BPMNShape').map((s) => s.bpmnElement.id).sort(),
  };
}

let h: Harness;
afterEach(() => h.close());

describe('a diagram without a drawing', () => {
  test('when it is uploaded, then it deploys with a warning and the stored version draws every flow node', async () => {
    // given
    h = await startHarness({ processes: [] });
    // when
    const deployed = await h.runtime.deploy(await utanRitning(), actors.admin);
    const stored = await h.runtime.getDefinitionSource('utan-ritning', 1);
    // then
    expect(deployed).toMatchObject({ key: 'utan-ritning', version: 1, warnings: [{ elementId: null, message: laidOutMessage }] });
    const { nodes, shapes } = await drawnNodes(stored);
    expect(shapes).toEqual(nodes);
    expect(stored).toContain('camunda:formField id="bifall"');
  });

  test('when it lies in processes/ at start, then its version carries the drawing, and the same file at the next start is no new version', async () => {
    // given
    h = await startHarness({ processes: ['modelers/utan-ritning.bpmn'] });
    // when
    const stored = await h.runtime.getDefinitionSource('utan-ritning', 1);
    const restarted = await h.restart();
    // then
    const { nodes, shapes } = await drawnNodes(stored);
    expect(shapes).toEqual(nodes);
    expect(restarted.getProcess('utan-ritning').version).toBe(1);
  });

  test('when it is laid out, then it runs as drawn: the case reaches its first task', async () => {
    // given
    h = await startHarness({ processes: [] });
    await h.runtime.deploy(await utanRitning(), actors.admin);
    // when
    const { id } = await h.runtime.startInstance('utan-ritning', { variables: {} }, actors.admin);
    // then
    expect(h.runtime.listTasks({ instanceId: id }, actors.admin).map((t) => t.elementId)).toEqual(['bedom']);
  });

  test('when a routine with lanes and boundary events comes without its drawing, then the only warning is the drawing made, none about that drawing', async () => {
    // given: extern-placering with its drawing removed
    h = await startHarness({ processes: [] });
    const xml = (await readFile(path.join(repositoryProcesses, 'extern-placering.bpmn'), 'utf8')).replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '');
    // when
    const check = await h.runtime.checkDefinition(xml);
    // then
    expect(check.problems).toEqual([]);
    expect(check.warnings.filter((w) => /no-overlapping-elements|no-bpmndi/.test(w.message))).toEqual([]);
    expect(check.warnings).toContainEqual({ elementId: null, message: laidOutMessage });
  });
});
