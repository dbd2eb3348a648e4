// Translates `${…}` conditions and names, as Camunda 7 and Operaton write them, into FEEL within a small grammar; only
// reads text, never evaluates it, and refuses anything beyond the grammar with what is allowed.

/** FEEL text, or why the expression is beyond the grammar (Swedish, without the expression itself). */
export type Translation = { ok: true; feel: string } | { ok: false; reason: string };

/** What the grammar takes, as the refusals say it. */
export const conditionGrammar =
  'namn (t.ex. beslut.typ), text inom citattecken, tal, true, false, null, jämförelser (== != < <= > >=), ' +
  '&& || ! eller and or not, och parenteser';

type Token =
  | { kind: 'name'; text: string }
  | { kind: 'literal'; feel: string }
  | { kind: 'number'; text: string }
  | { kind: 'op'; op: string }
  | { kind: 'punct'; text: '(' | ')' | '.' | '-' };

type Node =
  | { kind: 'name'; path: string[] }
  | { kind: 'literal'; feel: string }
  | { kind: 'not'; operand: Node }
  | { kind: 'compare'; op: string; left: Node; right: Node }
  | { kind: 'logic'; op: 'and' | 'or'; left: Node; right: Node };

class Beyond extends Error {}

// Maps, not objects: a word such as `constructor` must not find anything by inheritance.
const feelOperators: ReadonlyMap<string, string> = new Map([
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

/** Whether the text is one `${…}` expression (after blanks), the spelling this file translates. */
export function isDollarExpression(raw: string): boolean {
  const text = raw.trim();
  return text.startsWith('${') && text.endsWith('}');
}

/** A `${…}` condition as FEEL (`${svar == 'ja' && !avslag}` → `svar = "ja" and not(avslag)`), or why it cannot be. */
export function translateCondition(raw: string): Translation {
  return translate(raw, (tokens) => emit(parseWhole(tokens)));
}

/** A `${name}` timer value, due date or assignee as FEEL (`${paminnelse.datum}` → `=paminnelse.datum`), or why not. */
export function translateName(raw: string): Translation {
  return translate(raw, (tokens) => {
    const node = parseWhole(tokens);
    if (node.kind !== 'name') throw new Beyond('här går bara ett namn att översätta, t.ex. ${paminnelsedatum}');
    return `=${emit(node)}`;
  });
}

function translate(raw: string, build: (tokens: Token[]) => string): Translation {
  if (!isDollarExpression(raw)) return { ok: false, reason: 'uttrycket är inte skrivet som ${…}' };
  const text = raw.trim();
  try {
    return { ok: true, feel: build(tokenize(text.slice(2, -1))) };
  } catch (err) {
    if (err instanceof Beyond) return { ok: false, reason: err.message };
    throw err;
  }
}

function tokenize(text: string): Token[] {
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
      throw new Beyond((Object.hasOwn(refusedCharacters, char) ? refusedCharacters[char] : undefined) ?? (/^[0-9]/.test(rest) ? 'tal skrivs som 12 eller 1.5' : `tecknet ${char} är inte tillåtet`));
    }
  }
  return tokens;
}

function wordToken(word: string): Token {
  if (literalWords.has(word)) return { kind: 'literal', feel: word };
  if (feelOperators.has(word)) return { kind: 'op', op: word };
  if (juelWords.has(word)) throw new Beyond(`operatorn ${word} är inte tillåten`);
  if (reservedNames.has(word)) throw new Beyond(`namnet ${word} är reserverat och kan inte användas`);
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
      if (next !== "'" && next !== '"' && next !== '\\') throw new Beyond('i text är bara \\\' \\" och \\\\ tillåtna efter \\');
      value += next;
      i++;
    } else if (char < ' ') {
      throw new Beyond('text får inte innehålla radbrytningar eller tabbar');
    } else {
      value += char;
    }
  }
  throw new Beyond('en text saknar sitt avslutande citattecken');
}

function feelString(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** Recursive descent in JUEL's precedence: || below && below == != below < <= > >= below ! and not. */
function parseWhole(tokens: Token[]): Node {
  let at = 0;
  const peek = () => tokens[at];
  const isOp = (...ops: string[]) => {
    const token = peek();
    return token?.kind === 'op' && ops.includes(token.op) ? token.op : null;
  };
  const expectEnd = () => {
    if (at < tokens.length) throw new Beyond(`oväntat ${describe(tokens[at]!)}`);
  };
  const binary = (ops: string[], next: () => Node, make: (op: string, left: Node, right: Node) => Node) => (): Node => {
    let left = next();
    for (let op = isOp(...ops); op; op = isOp(...ops)) {
      at++;
      left = make(op, left, next());
    }
    return left;
  };
  const primary = (): Node => {
    const token = tokens[at++];
    if (!token) throw new Beyond('uttrycket tar slut för tidigt');
    if (token.kind === 'literal') return { kind: 'literal', feel: token.feel };
    if (token.kind === 'number') return { kind: 'literal', feel: token.text };
    if (token.kind === 'punct' && token.text === '-') {
      const number = tokens[at++];
      if (number?.kind !== 'number') throw new Beyond('räkneoperatorer (+ - * / %) är inte tillåtna');
      return { kind: 'literal', feel: `-${number.text}` };
    }
    if (token.kind === 'punct' && token.text === '(') {
      const inner = or();
      const close = tokens[at++];
      if (close?.kind !== 'punct' || close.text !== ')') throw new Beyond(close ? `oväntat ${describe(close)}, en ) saknas` : 'en ) saknas');
      return inner;
    }
    if (token.kind === 'name') {
      const path = [token.text];
      while (peek()?.kind === 'punct' && (peek() as { text: string }).text === '.') {
        at++;
        const part = tokens[at++];
        if (part?.kind !== 'name') throw new Beyond('efter en punkt måste ett namn följa');
        path.push(part.text);
      }
      const after = peek();
      if (after?.kind === 'punct' && after.text === '(') throw new Beyond(`anrop som ${path.join('.')}(…) är inte tillåtna`);
      return { kind: 'name', path };
    }
    throw new Beyond(`oväntat ${describe(token)}`);
  };
  const unary = (): Node => {
    if (isOp('!', 'not')) {
      at++;
      return { kind: 'not', operand: unary() };
    }
    return primary();
  };
  const compare = (op: string, left: Node, right: Node): Node => ({ kind: 'compare', op: feelOperators.get(op)!, left, right });
  const logic = (op: string, left: Node, right: Node): Node => ({ kind: 'logic', op: feelOperators.get(op) as 'and' | 'or', left, right });
  const relational = binary(['<', '<=', '>', '>=', 'lt', 'le', 'gt', 'ge'], unary, compare);
  const equality = binary(['==', '!=', 'eq', 'ne'], relational, compare);
  const and = binary(['&&', 'and'], equality, logic);
  const or: () => Node = binary(['||', 'or'], and, logic);
  if (!tokens.length) throw new Beyond('uttrycket är tomt');
  const node = or();
  expectEnd();
  return node;
}

function describe(token: Token): string {
  if (token.kind === 'punct' && token.text === '-') return 'minustecken: räkneoperatorer (+ - * / %) är inte tillåtna';
  if (token.kind === 'name') return `"${token.text.slice(0, 20)}"`;
  if (token.kind === 'literal' || token.kind === 'number') return 'värde';
  if (token.kind === 'op') return `"${token.op}"`;
  return `"${token.text}"`;
}

/** FEEL text, with parentheses where FEEL would read it otherwise or where and and or meet. */
function emit(node: Node): string {
  switch (node.kind) {
    case 'name':
      return node.path.join('.');
    case 'literal':
      return node.feel;
    case 'not':
      return `not(${emit(node.operand)})`;
    case 'compare':
      return `${operand(node.left, node)} ${node.op} ${operand(node.right, node)}`;
    case 'logic':
      return `${operand(node.left, node)} ${node.op} ${operand(node.right, node)}`;
  }
}

function operand(child: Node, parent: Node & { kind: 'compare' | 'logic' }): string {
  const text = emit(child);
  if (parent.kind === 'compare' && (child.kind === 'compare' || child.kind === 'logic')) return `(${text})`;
  if (parent.kind === 'logic' && child.kind === 'logic' && child.op !== parent.op) return `(${text})`;
  return text;
}
