import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { DefinitionError } from '../../../src/errors.js';
import { actors, fixturesDir, startHarness, type Harness } from '../../helpers/runtime-harness.js';

const fixture = () => readFile(path.join(fixturesDir, 'structure', 'pooler.bpmn'), 'utf8');

describe('collaborations (pools)', () => {
  let h: Harness | undefined;
  afterEach(() => h?.close());

  test('when a diagram has pools with one executable process and message flows, then that process deploys and runs', async () => {
    // given
    h = await startHarness({ processes: ['structure/pooler.bpmn'] });
    // when
    const { id } = await h.runtime.startInstance('pooler', { variables: {} }, actors.handlaggare);
    const [task] = h.runtime.listTasks({ instanceId: id }, actors.handlaggare);
    await h.runtime.completeTask(task!.id, {}, actors.handlaggare);
    // then
    expect(task).toEqual(expect.objectContaining({ elementId: 'granska' }));
    expect(h.runtime.getInstance(id).active).toEqual([]);
    const steps = (await h.runtime.getHistory(id)).map((e) => e.elementId).filter(Boolean);
    expect(steps).not.toContain('skicka');
    expect(steps).toContain('granska');
  });

  test('when a documentation pool waits for a message the case throws, then it is never started', async () => {
    // given: the other pool starts on the message the executable one sends at its end
    const xml = (await fixture())
      .replace('<bpmn:startEvent id="sokandeStart" name="Behov" />', '<bpmn:startEvent id="sokandeStart" name="Behov"><bpmn:messageEventDefinition messageRef="besked" /></bpmn:startEvent>')
      .replace('<bpmn:endEvent id="slut" name="Besked lämnat" />', '<bpmn:endEvent id="slut" name="Besked lämnat"><bpmn:messageEventDefinition messageRef="besked" /></bpmn:endEvent>')
      .replace('<bpmn:process id="sokande"', '<bpmn:message id="besked" name="besked" />\n  <bpmn:process id="sokande"');
    h = await startHarness({ processes: [['pooler.bpmn', xml]] });
    const { id } = await h.runtime.startInstance('pooler', { variables: {} }, actors.handlaggare);
    const [task] = h.runtime.listTasks({ instanceId: id }, actors.handlaggare);
    // when
    await h.runtime.completeTask(task!.id, {}, actors.handlaggare);
    // then
    expect(h.runtime.getInstance(id).active).toEqual([]);
    expect((await h.runtime.getHistory(id)).map((e) => e.elementId)).not.toContain('skicka');
  });

  test('when two pools are executable, then the boot stops saying which and what to do', async () => {
    // given
    const xml = (await fixture()).replace('isExecutable="false"', 'isExecutable="true"');
    // when
    const err = await startHarness({ processes: [['pooler.bpmn', xml]] }).then(
      (started) => started.close().then(() => null),
      (e: unknown) => e,
    );
    // then
    expect(err).toBeInstanceOf(DefinitionError);
    expect((err as DefinitionError).problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/fann 2 körbara processer \(sokande, pooler\).*markera bara den pool/));
  });
});
