// The engine's copy of a diagram: only its executable process, so other pools and message flows stay documentation.
import BpmnModdle from 'bpmn-moddle';
import { allFlowElements, bpmnModdleOptions, type ModdleElement } from './bpmn-parse.js';

/**
 * The reader result the engine is built from. A collaboration's other pools are never run (bpmn-elements would start
 * a non-executable process whose start waits for a message or signal the case throws) and its message flows may name
 * a pool without a process, which the context serializer cannot follow; so both are dropped, and the drawing with
 * them, and the rest is read again. A diagram of one process is returned as it is.
 */
export async function executableOnly(definitions: ModdleElement, moddleContext: unknown): Promise<unknown> {
  const roots = (definitions.rootElements as ModdleElement[] | undefined) ?? [];
  const kept = roots.filter((r) => r.$type !== 'bpmn:Collaboration' && (r.$type !== 'bpmn:Process' || r.isExecutable === true));
  if (kept.length === roots.length) return moddleContext;
  const moddle = new BpmnModdle(bpmnModdleOptions);
  const { rootElements, diagrams } = definitions;
  let xml: string;
  try {
    definitions.rootElements = kept;
    definitions.diagrams = [];
    ({ xml } = await moddle.toXML(definitions as never));
  } finally {
    definitions.rootElements = rootElements;
    definitions.diagrams = diagrams;
  }
  return moddle.fromXML(xml);
}

/**
 * The ids of what is documentation in a collaboration: the other pools' processes and everything in them, the
 * participants and the message flows. Lint's findings on them are advice only, since none of it runs.
 */
export function documentationIds(definitions: ModdleElement): Set<string> {
  const ids = new Set<string>();
  const add = (el: ModdleElement | undefined) => {
    if (el?.id) ids.add(el.id);
  };
  for (const root of (definitions.rootElements as ModdleElement[] | undefined) ?? []) {
    if (root.$type === 'bpmn:Collaboration') {
      for (const key of ['participants', 'messageFlows']) for (const el of (root[key] as ModdleElement[] | undefined) ?? []) add(el);
    } else if (root.$type === 'bpmn:Process' && root.isExecutable !== true) {
      add(root);
      for (const el of allFlowElements(root)) add(el);
      for (const key of ['artifacts', 'laneSets']) for (const el of (root[key] as ModdleElement[] | undefined) ?? []) add(el);
    }
  }
  return ids;
}
