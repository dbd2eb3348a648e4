// Property test: random XML-level mutations of the seed diagrams are refused with a message, or deploy and start.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allRoles } from '../../src/auth/roles.js';
import { AppError } from '../../src/errors.js';
import type { FormField } from '../../src/forms/form-field.js';
import { startHarness, type Harness } from '../helpers/runtime-harness.js';
import { testHandlers } from '../helpers/test-handlers.js';

const seedsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'processes');
const everyRole = { username: 'mutationstest', roles: [...allRoles] };

/** A minimal XML tree: enough for the seed diagrams (elements, attributes, text; comments and prolog kept aside). */
interface XmlNode {
  name: string;
  attrs: [string, string][];
  children: (XmlNode | string)[];
}

function parseXml(xml: string): { prolog: string; root: XmlNode } {
  const body = xml.replace(/<!--[\s\S]*?-->/g, '');
  const prolog = /^<\?xml[^>]*\?>\s*/.exec(body)?.[0] ?? '';
  const stack: XmlNode[] = [{ name: '#document', attrs: [], children: [] }];
  const token = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
  for (const m of body.slice(prolog.length).matchAll(token)) {
    const top = stack.at(-1)!;
    if (m[5] !== undefined) {
      if (m[5].trim()) top.children.push(m[5]);
    } else if (m[1]) stack.pop();
    else {
      const attrs = [...m[3]!.matchAll(/([\w:.-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!] as [string, string]);
      const node: XmlNode = { name: m[2]!, attrs, children: [] };
      top.children.push(node);
      if (!m[4]) stack.push(node);
    }
  }
  return { prolog, root: stack[0]!.children.find((c): c is XmlNode => typeof c !== 'string')! };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
function serialize(node: XmlNode | string): string {
  if (typeof node === 'string') return node;
  const attrs = node.attrs.map(([k, v]) => ` ${k}="${v}"`).join('');
  return node.children.length ? `<${node.name}${attrs}>${node.children.map(serialize).join('')}</${node.name}>` : `<${node.name}${attrs}/>`;
}

/** Every element below the root with its parent. */
function descendants(node: XmlNode): { node: XmlNode; parent: XmlNode }[] {
  return node.children.flatMap((c) => (typeof c === 'string' ? [] : [{ node: c, parent: node }, ...descendants(c)]));
}

type Mutation = (root: XmlNode, pick: (n: number) => number, text: string) => void;
const referenceAttrs = new Set(['sourceRef', 'targetRef', 'attachedToRef', 'messageRef', 'errorRef', 'default', 'bpmnElement']);
const timerValues = ['P0D', 'PT1S', 'P-1D', 'R/P1D', 'R3/PT1H', '2027-13-45', '=date(beslutsdatum) + duration("P1D")', '=nope(', ''];
const fieldTypes = ['string', 'text', 'long', 'boolean', 'date', 'enum', 'fil', ''];
const setText = (node: XmlNode, value: string) => (node.children = value ? [escapeXml(value)] : []);

const mutations: Record<string, Mutation> = {
  dropElement(root, pick) {
    const all = descendants(root);
    const { node, parent } = all[pick(all.length)]!;
    parent.children.splice(parent.children.indexOf(node), 1);
  },
  renameReference(root, pick, text) {
    const refs = descendants(root).flatMap(({ node }) => node.attrs.filter(([k]) => referenceAttrs.has(k)));
    const ids = descendants(root).flatMap(({ node }) => node.attrs.filter(([k]) => k === 'id').map(([, v]) => v));
    const ref = refs[pick(refs.length)];
    if (ref) ref[1] = pick(2) ? ids[pick(ids.length)]! : escapeXml(text);
  },
  changeAttribute(root, pick, text) {
    const attrs = descendants(root).flatMap(({ node }) => node.attrs);
    const attr = attrs[pick(attrs.length)];
    if (attr) attr[1] = escapeXml(text);
  },
  duplicateNode(root, pick) {
    const all = descendants(root);
    const { node, parent } = all[pick(all.length)]!;
    parent.children.splice(parent.children.indexOf(node), 0, structuredClone(node));
  },
  changeTimer(root, pick, text) {
    const timers = descendants(root).filter(({ node }) => /:(timeDuration|timeDate|timeCycle)$/.test(node.name));
    const timer = timers[pick(timers.length)];
    if (timer) setText(timer.node, pick(3) ? timerValues[pick(timerValues.length)]! : text);
  },
  changeFieldType(root, pick, text) {
    const fields = descendants(root).filter(({ node }) => node.name === 'camunda:formField');
    const type = fields[pick(fields.length)]?.node.attrs.find(([k]) => k === 'type');
    if (type) type[1] = pick(3) ? fieldTypes[pick(fieldTypes.length)]! : escapeXml(text);
  },
};

/** A valid value for every field the start form asks for. */
function validStartVariables(form: FormField[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of form.filter((f) => !f.readonly)) {
    if (f.type === 'long') values[f.id] = f.min ?? f.max ?? 1;
    else if (f.type === 'boolean') values[f.id] = true;
    else if (f.type === 'date') values[f.id] = '2027-02-01';
    else if (f.type === 'enum') values[f.id] = f.values?.[0]?.id;
    else values[f.id] = 'x'.repeat(Math.max(f.minlength ?? 1, 1));
  }
  return values;
}

let h: Harness;
let seeds: { file: string; xml: string }[];

beforeAll(async () => {
  const files = (await readdir(seedsDir)).filter((f) => f.endsWith('.bpmn')).sort();
  seeds = await Promise.all(files.map(async (file) => ({ file, xml: await readFile(path.join(seedsDir, file), 'utf8') })));
  h = await startHarness({ processes: seeds.map((s) => [s.file, s.xml] as [string, string]), handlers: testHandlers });
});

afterAll(async () => {
  await h?.close();
});

describe('diagram mutations', () => {
  test('when a seed diagram is mutated at random, then it is refused with a message or it deploys and starts', async () => {
    // given
    const mutation = fc.record({
      seed: fc.nat(),
      kind: fc.constantFrom(...Object.keys(mutations)),
      picks: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
      text: fc.string({ maxLength: 20 }),
    });

    // when / then
    await fc.assert(
      fc.asyncProperty(mutation, async ({ seed, kind, picks, text }) => {
        const { prolog, root } = parseXml(seeds[seed % seeds.length]!.xml);
        let i = 0;
        mutations[kind]!(root, (n) => (n > 0 ? picks[i++ % picks.length]! % n : 0), text);
        const mutated = prolog + serialize(root);
        let deployed: { key: string };
        try {
          deployed = await h.runtime.deploy(mutated, everyRole);
        } catch (err) {
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).code).toBe('invalid_definition');
          expect((err as AppError).fields?.length).toBeGreaterThan(0);
          for (const f of (err as AppError).fields!) expect(f.message.trim()).not.toBe('');
          return;
        }
        const variables = validStartVariables(h.runtime.getProcess(deployed.key).startForm);
        try {
          expect((await h.runtime.startInstance(deployed.key, { businessKey: 'M-1', variables }, everyRole)).id).toEqual(expect.any(String));
        } catch (err) {
          // A start refused with a stated reason (e.g. a mutated constraint no value can meet) is a message, not a crash.
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).message.trim()).not.toBe('');
        }
      }),
      { numRuns: 20, timeout: 10_000 },
    );
  }, 60_000);
});
