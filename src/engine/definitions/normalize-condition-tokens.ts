// The tokenizer of the `${…}` grammar (normalize-conditions.ts): names, literals, operators and parentheses as
// Camunda 7 writes them; a character or word beyond the grammar stops it with why. It only reads text.

export type Token =
  | { kind: 'name'; text: string }
  | { kind: 'literal'; feel: string }
  | { kind: 'number'; text: string }
  | { kind: 'op'; op: string }
  | { kind: 'punct'; text: '(' | ')' | '.' | '-' };

/** An expression beyond the grammar; the message says why, in Swedish. */
export class BeyondGrammar extends Error {}

// Maps, not objects: a word such as `constructor` must not find anything by inheritance.
export const feelOperators: ReadonlyMap<string, string> = new Map([
  ['==', '='], ['eq', '='], ['!=', '!='], ['ne', '!='], ['<', '<'], ['lt', '<'], ['<=', '<='], ['le', '<='],
  ['>', '>'], ['gt', '>'], ['>=', '>='], ['ge', '>='], ['&&', 'and'], ['and', 'and'], ['||', 'or'], ['or', 'or'], ['!', 'not'], ['not', 'not'],
]);
const literalWords = new Set(['true', 'false', 'null']);
/** JUEL's own operators beyond the grammar. */
const juelWords = new Set(['empty', 'div', 'mod', 'instanceof']);
/** Words FEEL reads as its own, and names that only reach into a JavaScript object. */
const reservedNames = new Set([
  'if', 'then', 'else', 'for', 'in', 'return', 'some', 'every', 'satisfies', 'between', 'instance', 'of', 'function', 'external',
  'constructor', '__proto__', 'prototype',
]);
const refusedCharacters: Readonly<Record<string, string>> = {
  '[': 'hakparenteser (index) är inte tillåtna',
  ']': 'hakparenteser (index) är inte tillåtna',
  '?': 'villkorsoperatorn ? : är inte tillåten',
  ':': 'villkorsoperatorn ? : är inte tillåten',
  ',': 'kommatecken (argument till ett anrop) är inte tillåtna',
  '+': 'räkneoperatorer (+ - * / %) är inte tillåtna',
  '*': 'räkneoperatorer (+ - * / %) är inte tillåtna',
  '/': 'räkneoperatorer (+ - * / %) är inte tillåtna',
  '%': 'räkneoperatorer (+ - * / %) är inte tillåtna',
  '{': 'bara ett ${…} får stå i uttrycket',
  '}': 'bara ett ${…} får stå i uttrycket',
  '=': 'ett ensamt = är en tilldelning; jämför med ==',
};

/** The tokens of the text inside `${…}`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const blank = /^\s+/.exec(rest);
    if (blank) {
      i += blank[0].length;
      continue;
    }
    const operator = /^(==|!=|<=|>=|&&|\|\||<|>|!)/.exec(rest);
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    const number = /^[0-9]+(\.[0-9]+)?(?![A-Za-z0-9_.])/.exec(rest);
    if (operator) {
      tokens.push({ kind: 'op', op: operator[0] });
      i += operator[0].length;
    } else if (word) {
      tokens.push(wordToken(word[0]));
      i += word[0].length;
    } else if (number) {
      tokens.push({ kind: 'number', text: number[0] });
      i += number[0].length;
    } else if (rest[0] === '"' || rest[0] === "'") {
      const { value, length } = readString(rest);
      tokens.push({ kind: 'literal', feel: feelString(value) });
      i += length;
    } else if (rest[0] === '(' || rest[0] === ')' || rest[0] === '.' || rest[0] === '-') {
      tokens.push({ kind: 'punct', text: rest[0] });
      i += 1;
    } else {
      const char = rest[0]!;
      throw new BeyondGrammar((Object.hasOwn(refusedCharacters, char) ? refusedCharacters[char] : undefined) ?? (/^[0-9]/.test(rest) ? 'tal skrivs som 12 eller 1.5' : `tecknet ${char} är inte tillåtet`));
    }
  }
  return tokens;
}

function wordToken(word: string): Token {
  if (literalWords.has(word)) return { kind: 'literal', feel: word };
  if (feelOperators.has(word)) return { kind: 'op', op: word };
  if (juelWords.has(word)) throw new BeyondGrammar(`operatorn ${word} är inte tillåten`);
  if (reservedNames.has(word)) throw new BeyondGrammar(`namnet ${word} är reserverat och kan inte användas`);
  return { kind: 'name', text: word };
}

/** A JUEL string in single or double quotes; \' \" and \\ are its only escapes. */
function readString(rest: string): { value: string; length: number } {
  const quote = rest[0]!;
  let value = '';
  for (let i = 1; i < rest.length; i++) {
    const char = rest[i]!;
    if (char === quote) return { value, length: i + 1 };
    if (char === '\\') {
      const next = rest[i + 1];
      if (next !== "'" && next !== '"' && next !== '\\') throw new BeyondGrammar('i text är bara \\\' \\" och \\\\ tillåtna efter \\');
      value += next;
      i++;
    } else if (char < ' ') {
      throw new BeyondGrammar('text får inte innehålla radbrytningar eller tabbar');
    } else {
      value += char;
    }
  }
  throw new BeyondGrammar('en text saknar sitt avslutande citattecken');
}

function feelString(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}
