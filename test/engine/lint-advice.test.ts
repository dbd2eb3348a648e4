// Lint advises: style findings come back as warnings, findings about how a diagram runs refuse it, and the
// organisation's processes/.bpmnlintrc tightens or loosens the style rules.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { defaultLintRules, lintRules } from '../../src/engine/definitions/lint-rules.js';
import { readLintRules } from '../../src/engine/definitions/lint-config.js';
import { actors, fixturesDir, startHarness, type Harness } from '../helpers/runtime-harness.js';

const modelers = (file: string) => readFile(path.join(fixturesDir, 'modelers', file), 'utf8');
const repositoryProcesses = path.join(fixturesDir, '..', '..', '..', 'processes');

let h: Harness | undefined;
afterEach(() => h?.close());

describe('lint findings about style', () => {
  test('when a Camunda Modeler diagram has unnamed events and a gateway that joins and forks, then it deploys with warnings naming them', async () => {
    // given
    h = await startHarness({ processes: [] });
    // when
    const deployed = await h.runtime.deploy(await modelers('camunda-modeler-stil.bpmn'), actors.admin);
    // then
    expect(deployed).toMatchObject({ key: 'camunda-modeler-stil', version: 1 });
    expect(deployed.warnings).toEqual(
      expect.arrayContaining([
        { elementId: 'StartEvent_1', message: 'Elementet saknar namn. (label-required)' },
        { elementId: 'Event_0h3n5zs', message: 'Elementet saknar namn. (label-required)' },
        { elementId: 'Gateway_0d9f1c2', message: expect.stringContaining('(no-gateway-join-fork)') },
      ]),
    );
  });

  test('when .bpmnlintrc makes label-required an error, then the unnamed events refuse the diagram', async () => {
    // given
    const rc = JSON.stringify({ extends: 'bpmnlint:recommended', rules: { 'label-required': 'error', 'no-gateway-join-fork': 'warn' } });
    h = await startHarness({ processes: [['.bpmnlintrc', rc]] });
    // when
    const check = await h.runtime.checkDefinition(await modelers('camunda-modeler-stil.bpmn'));
    const publish = h.runtime.deploy(await modelers('camunda-modeler-stil.bpmn'), actors.admin);
    // then
    expect(check.problems.map((p) => p.elementId)).toEqual(expect.arrayContaining(['StartEvent_1', 'Event_0h3n5zs']));
    await expect(publish).rejects.toMatchObject({ code: 'invalid_definition' });
  });

  test('when .bpmnlintrc turns a style rule off, then its finding is neither a problem nor a warning', async () => {
    // given
    const rc = JSON.stringify({ extends: 'bpmnlint:recommended', rules: { 'label-required': 'off', 'no-gateway-join-fork': 'warn' } });
    h = await startHarness({ processes: [['.bpmnlintrc', rc]] });
    // when
    const check = await h.runtime.checkDefinition(await modelers('camunda-modeler-stil.bpmn'));
    // then
    expect(check.problems).toEqual([]);
    expect(check.warnings.map((w) => w.message)).not.toContainEqual(expect.stringContaining('label-required'));
    expect(check.warnings.map((w) => w.elementId)).toContain('Gateway_0d9f1c2');
  });
});

describe('processes/.bpmnlintrc at start', () => {
  test.each([
    ['a rule about how a diagram runs turned off', { extends: 'bpmnlint:recommended', rules: { 'no-implicit-start': 'off' } }, 'Regeln no-implicit-start kan inte sättas till "off"'],
    ['an unknown rule', { rules: { 'finns-inte': 'warn' } }, 'Regeln finns-inte finns inte i bpmnlint.'],
    ['a plugin package', { extends: 'plugin:annat/recommended' }, '"extends": "plugin:annat/recommended" finns inte'],
    ['not JSON', '{ "rules": ', 'Filen är inte giltig JSON'],
  ])('when the file has %s, then the start stops naming .bpmnlintrc', async (_case, content, message) => {
    // given
    const rc = typeof content === 'string' ? content : JSON.stringify(content);
    // when
    const start = startHarness({ processes: [['.bpmnlintrc', rc]] });
    // then
    await expect(start).rejects.toMatchObject({ name: 'DefinitionError', problems: [expect.objectContaining({ file: '.bpmnlintrc', message: expect.stringContaining(message) })] });
  });

  test('when the repository ships its .bpmnlintrc, then it states exactly the defaults used without one', async () => {
    // when
    const shipped = await readLintRules(repositoryProcesses);
    // then
    expect(shipped).toEqual(defaultLintRules);
    expect(Object.keys(lintRules).sort()).toEqual(Object.keys(shipped).sort());
  });
});

describe('lint findings about how a diagram runs', () => {
  test('when a gateway has two flows to the same task, then it is refused even if .bpmnlintrc says nothing', async () => {
    // given: the gateway's default flow doubled
    h = await startHarness({ processes: [['.bpmnlintrc', JSON.stringify({ rules: { 'label-required': 'off' } })]] });
    const doubled = (await modelers('camunda-modeler-stil.bpmn')).replace(
      '<bpmn:sequenceFlow id="Flow_0w2b9kf" sourceRef="Gateway_0d9f1c2" targetRef="Activity_0p4r8vt" />',
      '<bpmn:sequenceFlow id="Flow_0w2b9kf" sourceRef="Gateway_0d9f1c2" targetRef="Activity_0p4r8vt" /><bpmn:sequenceFlow id="Flow_igen" sourceRef="Gateway_0d9f1c2" targetRef="Activity_0p4r8vt" />',
    );
    // when
    const check = await h.runtime.checkDefinition(doubled);
    // then
    expect(check.problems).toContainEqual({ elementId: 'Flow_igen', message: expect.stringContaining('(no-duplicate-sequence-flows)') });
  });
});
