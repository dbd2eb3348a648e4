// The engine's copy of a diagram: only its executable process, so other pools and message flows stay documentation.
import BpmnModdle from 'bpmn-moddle';
import { bpmnModdleOptions, type ModdleElement } from './bpmn-parse.js';

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
