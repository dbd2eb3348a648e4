// A new diagram that comes without a drawing gets one: bpmn-auto-layout lays out its process, so every page can draw it.
import { layoutProcess } from 'bpmn-auto-layout';
import { allFlowElements, type ModdleElement } from './bpmn-parse.js';

export const laidOutMessage = 'Diagrammet saknade ritning; en ritning har skapats automatiskt.';

/**
 * Whether the diagram draws its process: some shape or edge in a plane stands for one of its flow elements. An empty
 * plane, as some tools write, is no drawing.
 */
export function hasDrawing(definitions: ModdleElement): boolean {
  const roots = (definitions.rootElements as ModdleElement[] | undefined) ?? [];
  const drawable = new Set<unknown>(roots.filter((r) => r.$type === 'bpmn:Process').flatMap((p) => allFlowElements(p)));
  const planes = ((definitions.diagrams as ModdleElement[] | undefined) ?? []).map((d) => d.plane as ModdleElement | undefined);
  return planes.some((plane) => ((plane?.planeElement as ModdleElement[] | undefined) ?? []).some((shape) => drawable.has(shape.bpmnElement)));
}

/** The XML with a drawing laid out for its process; an empty drawing it had is replaced. Throws in Swedish when it cannot. */
export async function layoutDefinition(xml: string): Promise<string> {
  try {
    return await layoutProcess(xml);
  } catch (err) {
    throw new Error(`Diagrammet saknar ritning, och en ritning kunde inte skapas: ${(err as Error).message}`);
  }
}
