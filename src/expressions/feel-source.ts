// Reads FEEL source text: strips Camunda's leading `=`, refuses `${...}` and finds syntax errors without evaluating.
import { parseExpression } from 'feelin';

/** The expression without surrounding blanks and one leading `=`, plus where it starts in the raw text. */
export interface FeelSource {
  text: string;
  offset: number;
}

export function toFeelSource(raw: string): FeelSource {
  const leading = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (!trimmed.startsWith('=')) return { text: trimmed, offset: leading };
  const rest = trimmed.slice(1);
  return { text: rest.trim(), offset: leading + 1 + (rest.length - rest.trimStart().length) };
}

export const JUEL_MESSAGE =
  '${...} är inte FEEL. Skriv villkor och tidsuttryck i FEEL, t.ex. svar = "ja" eller ' +
  '=date(beslutsdatum) + duration("P3M"); JavaScript och ${...}-uttryck körs aldrig.';

export const DOUBLE_EQUALS_MESSAGE =
  'FEEL jämför med ett enkelt =, t.ex. svar = "ja", och skriver "inte lika med" som !=. == och === finns inte i FEEL.';

/** True when `marker` occurs outside FEEL string literals, e.g. `${` (JUEL/JavaScript) or `==` (JavaScript habit). */
export function occursOutsideStrings(text: string, marker: string): boolean {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (text.startsWith(marker, i)) {
      return true;
    }
  }
  return false;
}

/** A Swedish description of the first syntax error, or null when the text parses as a FEEL expression. */
export function findSyntaxProblem(source: FeelSource): string | null {
  if (source.text === '') return 'Uttrycket är tomt.';
  let problem: string | null = null;
  parseExpression(source.text, {}, undefined).iterate({
    enter(ref) {
      if (problem !== null) return false;
      if (!ref.type.isError) return undefined;
      problem = describeErrorNode(source, ref.node);
      return false;
    },
  });
  return problem;
}

interface NodeLike {
  from: number;
  to: number;
  parent: NodeLike | null;
  nextSibling: NodeLike | null;
}

// Mirrors feelin's own lint: an error node with text is an unexpected token; an empty one points at what follows it.
function describeErrorNode(source: FeelSource, node: NodeLike): string {
  if (node.from !== node.to) return unexpected(source, node.from, node.to);
  for (let current: NodeLike | null = node; current; current = current.parent) {
    if (current.nextSibling) return unexpected(source, current.nextSibling.from, current.nextSibling.to);
  }
  return `Uttrycket är inte giltig FEEL: det är ofullständigt vid tecken ${source.offset + node.from + 1}.`;
}

function unexpected(source: FeelSource, from: number, to: number): string {
  const token = source.text.slice(from, Math.min(to, from + 20));
  return `Uttrycket är inte giltig FEEL: oväntat "${token}" vid tecken ${source.offset + from + 1}.`;
}

/** Names that only matter to JavaScript objects; no variable of ours is called that, so they mark an attempt. */
const reservedNames = ['constructor', '__proto__', 'prototype'];

export const RESERVED_NAME_MESSAGE =
  'Uttrycket använder ett namn som inte får förekomma (constructor, __proto__ eller prototype). Diagram kan aldrig köra kod.';

/** True when a reserved name appears as a name outside string literals. */
export function usesReservedName(text: string): boolean {
  const outside = stripStrings(text);
  return reservedNames.some((name) => new RegExp(`(^|[^A-Za-z0-9_])${name}([^A-Za-z0-9_]|$)`).test(outside));
}

function stripStrings(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      out += ' ';
    } else if (char === '"') {
      inString = true;
      out += ' ';
    } else out += char;
  }
  return out;
}
