// A process id as other modelers write it (Process_1x2y, signeringProcess) becomes our kebab-case key; an id that is one
// already stays as it is, so nothing deployed changes. A process without a name takes its id as its name.
import type { SpellingElement } from './normalize-notes.js';

export const processKeyPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The key made from a process id: ASCII, kebab-case, the same for the same id every time. */
export function processKeyFrom(id: string): string {
  if (processKeyPattern.test(id)) return id;
  const words = id
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const key = words.join('-');
  return /^[a-z]/.test(key) ? key : ['process', ...words].join('-');
}

/** The reader's lookups, which name the process by id (participants and drawings refer to it). */
export interface ReaderIndex {
  elementsById?: Record<string, unknown>;
  references?: { id?: string }[];
}

/** Gives the process its key as id and a name when it has none; the warnings tell the analyst what was done. */
export function keyProcess(process: SpellingElement, index: ReaderIndex): { elementId: string; message: string }[] {
  const id = typeof process.id === 'string' ? process.id : '';
  const warnings: { elementId: string; message: string }[] = [];
  if (!id) return warnings;
  if (!process.name?.trim()) {
    process.name = id;
    warnings.push({ elementId: id, message: `Processen saknar namn; den heter "${id}" tills den får ett.` });
  }
  const key = processKeyFrom(id);
  if (key === id || index.elementsById?.[key] !== undefined) return warnings;
  process.id = key;
  if (index.elementsById) {
    index.elementsById[key] = process;
    delete index.elementsById[id];
  }
  for (const reference of index.references ?? []) if (reference.id === id) reference.id = key;
  warnings.push({ elementId: id, message: `Processens id "${id}" är inte i kebab-case; rutinen får nyckeln ${key}.` });
  return warnings;
}
