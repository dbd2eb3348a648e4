// The editor's pure functions, without a browser: Operaton and Camunda 8 values read as the server reads them and
// written back in camunda:, the palette's refusals, and the multi-instance and call-activity helpers.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import BpmnModdle from 'bpmn-moddle';
import { beforeAll, describe, expect, test } from 'vitest';
import { fixturesDir } from '../../helpers/runtime-harness.js';

type Bo = { $type: string; [key: string]: any };
interface Foreign {
  readOperatonAsCamunda(xml: string): { xml: string; operaton: boolean };
  spellingNote(xml: string): string | null;
  zeebeProperties(bo: Bo): [string, string][];
  restoreOperatonDeclaration(definitions: Bo): void;
  candidateGroups(bo: Bo): string;
  dueDate(bo: Bo): string;
  implementation(bo: Bo): string;
  withoutZeebe(bo: Bo, type: string, attributes: string[] | null, createAny: (type: string, attrs: Record<string, unknown>, original: Bo) => Bo): Bo[] | null;
}
let foreign: Foreign;
let palette: { isRefused(id: string): boolean };
let structure: { listName(c: unknown): string; collectionFor(t: string): string | undefined; calledChoices(r: { key: string; name: string }[], own: string, current?: string): { id: string; name: string }[] };

const camunda = createRequire(import.meta.url)('camunda-bpmn-moddle/resources/camunda.json') as object;
const zeebeUri = 'http://camunda.org/schema/zeebe/1.0';
const editorDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'public', 'editor');

beforeAll(async () => {
  // The scripts attach themselves to window in the browser, to globalThis here.
  for (const script of ['foreign-spellings.js', 'editor-palette.js', 'structure-sections.js']) await import(pathToFileURL(path.join(editorDir, script)).href);
  const g = globalThis as unknown as { ForeignSpellings: Foreign; EditorPalette: typeof palette; StructureSections: typeof structure };
  foreign = g.ForeignSpellings;
  palette = g.EditorPalette;
  structure = g.StructureSections;
});

async function read(xml: string) {
  const moddle = new BpmnModdle({ camunda });
  const { rootElement } = await moddle.fromXML(xml);
  const process = (rootElement as unknown as Bo).rootElements.find((r: Bo) => r.$type === 'bpmn:Process');
  const byId = (id: string): Bo => process.flowElements.find((e: Bo) => e.id === id);
  return { moddle, definitions: rootElement as unknown as Bo, byId };
}

describe('an Operaton diagram in the editor', () => {
  test('when it is read, then its operaton: values show as camunda:, and it is saved in camunda: with nothing lost', async () => {
    // given
    const source = await readFile(path.join(fixturesDir, 'spellings', 'operaton-ansokan.bpmn'), 'utf8');

    // when
    const readAs = foreign.readOperatonAsCamunda(source);
    const { moddle, definitions, byId } = await read(readAs.xml);
    foreign.restoreOperatonDeclaration(definitions);
    const task = byId('bedom');
    const saved = (await moddle.toXML(definitions as never)).xml;

    // then
    expect(readAs.operaton).toBe(true);
    expect([foreign.candidateGroups(task), foreign.dueDate(task)]).toEqual(['enhetschef', 'P14D']);
    expect(saved).toContain('camunda:candidateGroups="enhetschef"');
    expect(saved).toContain('<camunda:formData>');
    expect(saved).not.toMatch(/operaton:(candidateGroups|dueDate|formData)/);
  });

  test('when a diagram has no operaton namespace, then it is read as it is and nothing is said of its spelling', () => {
    // given
    const xml = '<bpmn:definitions xmlns:camunda="http://camunda.org/schema/1.0/bpmn" />';
    // when
    const readAs = foreign.readOperatonAsCamunda(xml);
    // then
    expect(readAs).toEqual({ xml, operaton: false });
    expect(foreign.spellingNote(xml)).toBeNull();
  });

  test('when a diagram is in operaton: or zeebe:, then the note says how the editor reads and saves it', () => {
    // given
    const operaton = '<bpmn:definitions xmlns:operaton="http://operaton.org/schema/1.0/bpmn" />';
    const zeebe = '<bpmn:definitions xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" />';
    // when
    const notes = [foreign.spellingNote(operaton), foreign.spellingNote(operaton), foreign.spellingNote(zeebe)];
    // then
    expect(notes[0]).toMatch(/^Diagrammet är ritat med operaton: \(Operaton Modeler\)\. Redigeraren läser det som camunda:/);
    expect(notes[1]).toBe(notes[0]);
    expect(notes[2]).toMatch(/^Diagrammet är ritat för Camunda 8 \(zeebe:\)\./);
  });
});

describe('a Camunda 8 diagram in the editor', () => {
  test('when it is read, then the roles, due date and handler show from zeebe:, and an edit leaves only camunda:', async () => {
    // given
    const source = await readFile(path.join(fixturesDir, 'spellings', 'zeebe-signering.bpmn'), 'utf8');
    const { moddle, byId } = await read(source);
    const task = byId('signera');
    const service = byId('registrera');
    const createAny = (type: string, attrs: Record<string, unknown>) => (moddle as unknown as { createAny(t: string, u: string, a: object): Bo }).createAny(type, zeebeUri, attrs);

    // when
    const shown = [foreign.candidateGroups(task), foreign.dueDate(task), foreign.implementation(service)];
    const withoutGroups = foreign.withoutZeebe(task, 'zeebe:assignmentDefinition', ['candidateGroups'], createAny);
    const withoutDefinition = foreign.withoutZeebe(service, 'zeebe:taskDefinition', null, createAny);
    const nothingThere = foreign.withoutZeebe(task, 'zeebe:taskDefinition', null, createAny);

    // then
    expect(shown).toEqual(['enhetschef', 'P7D', '${environment.services.registrera}']);
    expect(withoutGroups?.map((e) => e.$type)).not.toContain('zeebe:assignmentDefinition');
    expect(withoutGroups?.length).toBe(task.extensionElements.values.length - 1);
    expect(withoutDefinition?.map((e) => e.$type)).not.toContain('zeebe:taskDefinition');
    expect(nothingThere).toBeNull();
    expect(foreign.zeebeProperties(service)).toEqual([['utfall', 'signerat'], ['kommentar', '=kommentar']]);
  });

  test('when an assignment also names an assignee, then only the candidate groups are taken from it', () => {
    // given
    const assignment = { $type: 'zeebe:assignmentDefinition', candidateGroups: '=["enhetschef", "utforare"]', assignee: 'anna' };
    const task = { $type: 'bpmn:UserTask', extensionElements: { values: [assignment] } };

    // when
    const shown = foreign.candidateGroups(task);
    const values = foreign.withoutZeebe(task, 'zeebe:assignmentDefinition', ['candidateGroups'], (type, attrs) => ({ $type: type, ...attrs }));

    // then
    expect(shown).toBe('enhetschef,utforare');
    expect(values).toEqual([{ $type: 'zeebe:assignmentDefinition', assignee: 'anna' }]);
  });
});

describe('the palette and the replace menu', () => {
  test.each([
    ['replace-with-script-task', true],
    ['replace-with-rule-task', true],
    ['replace-with-manual-task', true],
    ['replace-with-complex-gateway', true],
    ['replace-with-transaction', true],
    ['replace-with-ad-hoc-subprocess', true],
    ['replace-with-conditional-intermediate-catch', true],
    ['replace-with-signal-intermediate-catch', true],
    ['replace-with-escalation-boundary', true],
    ['replace-with-link-intermediate-throw', true],
    ['replace-with-compensation-end', true],
    ['replace-with-call-activity', false],
    ['replace-with-expanded-subprocess', false],
    ['replace-with-event-subprocess', false],
    ['replace-with-user-task', false],
    ['replace-with-conditional-flow', false],
    ['replace-with-signal-end', false],
    ['replace-with-non-interrupting-message-start', false],
  ])('when the menu offers %s, then it is taken away: %s', (id, refused) => {
    expect(palette.isRefused(id)).toBe(refused);
  });
});

describe('structure fields', () => {
  test('when a list name is typed, then it is written as FEEL and shown without the =', () => {
    expect([structure.collectionFor(' barnen '), structure.collectionFor('=barnen'), structure.collectionFor('')]).toEqual(['=barnen', '=barnen', undefined]);
    expect([structure.listName('=barnen'), structure.listName('${barnen}'), structure.listName(undefined)]).toEqual(['barnen', '${barnen}', '']);
  });

  test('when a call activity chooses a routine, then every published routine but its own is offered, and an unknown key is kept', () => {
    // given
    const routines = [{ key: 'intern-placering', name: 'Intern placering' }, { key: 'extern-placering', name: 'Extern placering' }];
    // when
    const choices = structure.calledChoices(routines, 'intern-placering', 'gammal-rutin');
    // then
    expect(choices.map((c) => c.id)).toEqual(['', 'gammal-rutin', 'extern-placering']);
    expect(choices[1]!.name).toBe('gammal-rutin (inte publicerad)');
  });
});
