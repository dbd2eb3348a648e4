import { describe, expect, test } from 'vitest';
import { parseBpmn } from '../../src/engine/definitions/bpmn-parse.js';
import { diffDefinitions, type DiagramVersion } from '../../src/engine/definitions/definition-diff.js';
import { inspectDefinition } from '../../src/engine/definitions/inspect-definition.js';

/** Reads a diagram the way the runtime does; a diagram with problems fails the test. */
async function version(xml: string): Promise<DiagramVersion> {
  const { definitions } = await parseBpmn(xml);
  const { model, problems } = inspectDefinition(definitions, 'test.bpmn', new Set());
  expect(problems).toEqual([]);
  return { definitions, model: model! };
}

const field = (id: string, label: string, type: string, required = false) =>
  `<camunda:formField id="${id}" label="${label}" type="${type}">${required ? '<camunda:validation><camunda:constraint name="required" /></camunda:validation>' : ''}</camunda:formField>`;

interface Parts {
  startFields: string;
  taskName: string;
  groups: string;
  taskFields: string;
  timer: string;
  extra: string;
}

function diagram(p: Parts): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://boendekoordination.se/test">
  <bpmn:process id="uppfoljning" name="Uppföljning" isExecutable="true">
    <bpmn:startEvent id="start" name="Start">
      <bpmn:extensionElements><camunda:formData>${p.startFields}</camunda:formData></bpmn:extensionElements>
    </bpmn:startEvent>
    <bpmn:sequenceFlow id="toFolja" sourceRef="start" targetRef="folja" />
    <bpmn:userTask id="folja" name="${p.taskName}" camunda:candidateGroups="${p.groups}">
      <bpmn:extensionElements><camunda:formData>${p.taskFields}</camunda:formData></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:boundaryEvent id="paminn" name="Påminn" attachedToRef="folja" cancelActivity="false">
      <bpmn:timerEventDefinition>${p.timer}</bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="toPaminnelse" sourceRef="paminn" targetRef="paminnelse" />
    <bpmn:endEvent id="paminnelse" name="Påmind" />
    ${p.extra}
  </bpmn:process>
</bpmn:definitions>`;
}

const base: Parts = {
  startFields: field('beslutsdatum', 'Beslutsdatum', 'date', true),
  taskName: 'Följ upp',
  groups: 'enhetschef',
  taskFields: field('svar', 'Svar', 'string', true) + field('kommentar', 'Kommentar', 'text'),
  timer: '<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P3M</bpmn:timeDuration>',
  extra: `<bpmn:sequenceFlow id="toKlar" sourceRef="folja" targetRef="klar" />
    <bpmn:endEvent id="klar" name="Klar" />`,
};

describe('diffDefinitions', () => {
  test('when two versions are the same, then every list of changes is empty', async () => {
    // given
    const a = await version(diagram(base));
    const b = await version(diagram(base));
    // when
    const diff = diffDefinitions(a, b);
    // then
    expect(diff).toEqual({ added: [], removed: [], renamed: [], timers: [], forms: [], candidateGroups: [] });
  });

  test('when a step is replaced by another and a task is renamed, then they show as added, removed and renamed', async () => {
    // given
    const a = await version(diagram(base));
    const extra = `<bpmn:sequenceFlow id="toAvslutat" sourceRef="folja" targetRef="avslutat" />
    <bpmn:endEvent id="avslutat" name="Avslutat" />`;
    const b = await version(diagram({ ...base, taskName: 'Följ upp beslutet', extra }));
    // when
    const diff = diffDefinitions(a, b);
    // then
    expect(diff.added).toEqual([
      { id: 'toAvslutat', type: 'bpmn:SequenceFlow', name: 'toAvslutat' },
      { id: 'avslutat', type: 'bpmn:EndEvent', name: 'Avslutat' },
    ]);
    expect(diff.removed).toEqual([
      { id: 'toKlar', type: 'bpmn:SequenceFlow', name: 'toKlar' },
      { id: 'klar', type: 'bpmn:EndEvent', name: 'Klar' },
    ]);
    expect(diff.renamed).toEqual([{ id: 'folja', type: 'bpmn:UserTask', from: 'Följ upp', to: 'Följ upp beslutet' }]);
  });

  test('when a timer changes its value or its kind, then the timer shows before and after', async () => {
    // given
    const a = await version(diagram(base));
    const longer = await version(diagram({ ...base, timer: '<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P6M</bpmn:timeDuration>' }));
    const cycle = await version(diagram({ ...base, timer: '<bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/P3M</bpmn:timeCycle>' }));
    // when
    const valueChanged = diffDefinitions(a, longer);
    const kindChanged = diffDefinitions(a, cycle);
    // then
    expect(valueChanged.timers).toEqual([{ id: 'paminn', name: 'Påminn', from: { kind: 'timeDuration', value: 'P3M' }, to: { kind: 'timeDuration', value: 'P6M' } }]);
    expect(kindChanged.timers).toEqual([{ id: 'paminn', name: 'Påminn', from: { kind: 'timeDuration', value: 'P3M' }, to: { kind: 'timeCycle', value: 'R/P3M' } }]);
    expect(kindChanged.added).toEqual([]);
  });

  test('when form fields are added, removed or changed, then each form lists them, the start form included', async () => {
    // given
    const a = await version(diagram(base));
    const b = await version(
      diagram({
        ...base,
        startFields: field('beslutsdatum', 'Datum för beslut', 'date', true) + field('insats', 'Insats', 'string'),
        taskFields: field('svar', 'Svar', 'text') + field('uppfoljd', 'Uppföljd', 'boolean', true),
      }),
    );
    // when
    const diff = diffDefinitions(a, b);
    // then
    expect(diff.forms).toHaveLength(2);
    const [start, task] = diff.forms;
    expect(start).toMatchObject({
      elementId: null,
      added: [expect.objectContaining({ id: 'insats', label: 'Insats', type: 'string', required: false })],
      removed: [],
      changed: [{ id: 'beslutsdatum', label: 'Datum för beslut', changes: [{ property: 'label', from: 'Beslutsdatum', to: 'Datum för beslut' }] }],
    });
    expect(task).toMatchObject({
      elementId: 'folja',
      elementName: 'Följ upp',
      added: [expect.objectContaining({ id: 'uppfoljd', type: 'boolean', required: true })],
      removed: [expect.objectContaining({ id: 'kommentar' })],
      changed: [{ id: 'svar', changes: [{ property: 'type', from: 'string', to: 'text' }, { property: 'required', from: true, to: false }] }],
    });
  });

  test('when a task changes its candidate groups, then the groups before and after are listed, but not for a mere reordering', async () => {
    // given
    const a = await version(diagram({ ...base, groups: 'enhetschef,lss-handlaggare' }));
    const reordered = await version(diagram({ ...base, groups: 'lss-handlaggare, enhetschef' }));
    const other = await version(diagram({ ...base, groups: 'enhetschef,boendesamordnare' }));
    // when
    const same = diffDefinitions(a, reordered);
    const changed = diffDefinitions(a, other);
    // then
    expect(same.candidateGroups).toEqual([]);
    expect(changed.candidateGroups).toEqual([{ id: 'folja', name: 'Följ upp', from: ['enhetschef', 'lss-handlaggare'], to: ['enhetschef', 'boendesamordnare'] }]);
  });
});
