// Parses BPMN XML with bpmn-moddle and the camunda extensions; the only place that knows the moddle reader.
import { createRequire } from 'node:module';
import BpmnModdle from 'bpmn-moddle';
import type { ElementFactory, SpellingElement } from './normalize-notes.js';
import type { ReaderIndex } from './normalize-process-key.js';
import { normalizeSpellings, readOperatonAsCamunda, type SpellingWarning } from './normalize-spellings.js';

const camunda = createRequire(import.meta.url)('camunda-bpmn-moddle/resources/camunda.json') as object;

/** A moddle element as the reader returns it; only the fields we read are typed. */
export interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  [key: string]: unknown;
}

/** Something the reader skipped or could not resolve, with the element it sits on when known. */
export interface ParseWarning {
  message: string;
  elementId: string | null;
}

export interface ParsedBpmn {
  definitions: ModdleElement;
  warnings: ParseWarning[];
  /** The whole reader result (root, references, ids) that the context serializer needs. */
  moddleContext: unknown;
  /** How another modeler's spelling was read (a key made from the id, a name taken from it): told, never refusing. */
  spellingWarnings: SpellingWarning[];
}

export const bpmnModdleOptions = { camunda };

/**
 * Parses the XML and reads other modelers' spellings as ours (normalize-spellings.ts); refuses a DOCTYPE outright,
 * whatever today's parser would do with it.
 */
export async function parseBpmn(xml: string): Promise<ParsedBpmn> {
  if (/<!DOCTYPE/i.test(xml)) throw new Error('Filen innehåller en DOCTYPE-deklaration, vilket inte är tillåtet.');
  if (!/<([A-Za-z0-9_-]+:)?definitions[\s>]/.test(xml)) throw new Error('Filen är inte ett BPMN-diagram (inget definitions-element).');
  const moddle = new BpmnModdle(bpmnModdleOptions);
  let moddleContext;
  try {
    moddleContext = await moddle.fromXML(readOperatonAsCamunda(xml));
  } catch (err) {
    throw new Error(`XML-filen kunde inte läsas: ${(err as Error).message}`);
  }
  const { rootElement, warnings } = moddleContext;
  const definitions = rootElement as unknown as ModdleElement;
  const spellingWarnings = normalizeSpellings(definitions as SpellingElement, moddleContext as unknown as ReaderIndex, moddle as unknown as ElementFactory);
  return {
    moddleContext,
    definitions,
    warnings: (warnings as unknown as { message: string; element?: { id?: unknown } }[]).map((w) => ({
      message: w.message,
      elementId: typeof w.element?.id === 'string' ? w.element.id : null,
    })),
    spellingWarnings,
  };
}

/** The extension elements of an element (camunda:FormData, camunda:Properties, …). */
export function extensionValues(element: ModdleElement): ModdleElement[] {
  const ext = element.extensionElements as { values?: ModdleElement[] } | undefined;
  return ext?.values ?? [];
}

/** `camunda:properties` of an element as name → value. */
export function camundaProperties(element: ModdleElement): Record<string, string> {
  const props = extensionValues(element).find((v) => v.$type === 'camunda:Properties') as
    | { values?: { name?: string; value?: string }[] }
    | undefined;
  const out: Record<string, string> = Object.create(null);
  for (const p of props?.values ?? []) if (p.name) out[p.name] = p.value ?? '';
  return out;
}

/** Every flow element of a process, sub-processes included, depth first. */
export function allFlowElements(container: ModdleElement): ModdleElement[] {
  const out: ModdleElement[] = [];
  for (const el of (container.flowElements as ModdleElement[] | undefined) ?? []) {
    out.push(el);
    if (el.flowElements) out.push(...allFlowElements(el));
  }
  return out;
}
