// Every routine in processes/ passes the boot checks, and reads as a routine: lanes, documentation, a drawn diagram.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { allFlowElements, parseBpmn, type ModdleElement } from '../../src/engine/definitions/bpmn-parse.js';
import { compileDefinition } from '../../src/engine/definitions/compile-definition.js';
import { defaultHandlers } from '../../src/handlers/index.js';

const dir = 'processes';
const files = (await readdir(dir)).filter((f) => f.endsWith('.bpmn')).sort();
const handlers = new Map(defaultHandlers.map((h) => [h.name, h]));
const documented = new Set(['bpmn:UserTask', 'bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:ReceiveTask']);

describe.each(files)('%s', (file) => {
  test('when the server boots, then the diagram passes every check and its id is the file name', async () => {
    // given
    const xml = await readFile(path.join(dir, file), 'utf8');
    // when
    const { model } = await compileDefinition(xml, file, handlers);
    // then
    expect(model.key).toBe(path.basename(file, '.bpmn'));
  });

  test('when an analyst reads it, then every step sits in a lane, tasks and timers quote the routine, and it is drawn', async () => {
    // given
    const { definitions } = await parseBpmn(await readFile(path.join(dir, file), 'utf8'));
    const process = (definitions.rootElements as ModdleElement[]).find((r) => r.$type === 'bpmn:Process')!;
    const elements = allFlowElements(process);
    const nodes = elements.filter((e) => e.$type !== 'bpmn:SequenceFlow');
    const laned = new Set(((process.laneSets as ModdleElement[] | undefined)?.[0]?.lanes as ModdleElement[] | undefined ?? []).flatMap((l) => (l.flowNodeRef as ModdleElement[] | undefined ?? []).map((n) => n.id)));
    const planeIds = new Set((((definitions.diagrams as ModdleElement[])[0]!.plane as ModdleElement).planeElement as ModdleElement[]).map((p) => (p.bpmnElement as ModdleElement).id));
    const isTimer = (e: ModdleElement) => (e.eventDefinitions as ModdleElement[] | undefined)?.some((d) => d.$type === 'bpmn:TimerEventDefinition');
    // when
    const outsideLanes = nodes.filter((n) => !laned.has(n.id)).map((n) => n.id);
    const undocumented = nodes.filter((n) => (documented.has(n.$type) || isTimer(n)) && !(n.documentation as unknown[] | undefined)?.length).map((n) => n.id);
    const undrawn = elements.filter((e) => !planeIds.has(e.id)).map((e) => e.id);
    // then
    expect(outsideLanes).toEqual([]);
    expect(undocumented).toEqual([]);
    expect(undrawn).toEqual([]);
  });
});
