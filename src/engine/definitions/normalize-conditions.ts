// Translates `${…}` conditions and names, as Camunda 7 and Operaton write them, into FEEL within a small grammar; only
// reads text, never evaluates it, and refuses anything beyond the grammar with what is allowed.
import { BeyondGrammar, feelOperators, tokenize, type Token } from './normalize-condition-tokens.js';

/** FEEL text, or why the expression is beyond the grammar (Swedish, without the expression itself). */
export type Translation = { ok: true; feel: string } | { ok: false; reason: string };

/** What the grammar takes, as the refusals say it. */
export const conditionGrammar =
  'namn (t.ex. beslut.typ), text inom citattecken, tal, true, false, null, jämförelser (== != < <= > >=), ' +
  '&& || ! eller and or not, och parenteser';

type Node =
  | { kind: 'name'; path: string[] }
  | { kind: 'literal'; feel: string }
  | { kind: 'not'; operand: Node }
  | { kind: 'compare'; op: string; left: Node; right: Node }
  | { kind: 'logic'; op: 'and' | 'or'; left: Node; right: Node };

/**
 * Whether the text is one `${…}` or `#{…}` expression (after blanks), the spellings this file translates. JUEL's
 * `#{…}` (deferred evaluation) means the same as `${…}` where Camunda reads a condition or a timer once.
 */
export function isDollarExpression(raw: string): boolean {
  const text = raw.trim();
  return (text.startsWith('${') || text.startsWith('#{')) && text.endsWith('}');
}

/** `language="juel"` is how Camunda Modeler marks a `${…}` condition it wrote as an expression; it is ours as well. */
export function isJuelLanguage(language: unknown): boolean {
  return typeof language === 'string' && language.trim().toLowerCase() === 'juel';
}

/** A `${…}` condition as FEEL (`${svar == 'ja' && !avslag}` → `svar = "ja" and not(avslag)`), or why it cannot be. */
export function translateCondition(raw: string): Translation {
  return translate(raw, (tokens) => emit(parseWhole(tokens)));
}

/** A `${name}` timer value or due date as FEEL (`${paminnelse.datum}` → `=paminnelse.datum`), or why not. */
export function translateName(raw: string): Translation {
  return translate(raw, (tokens) => {
    const node = parseWhole(tokens);
    if (node.kind !== 'name') throw new BeyondGrammar('här går bara ett namn att översätta, t.ex. ${paminnelsedatum}');
    return `=${emit(node)}`;
  });
}

function translate(raw: string, build: (tokens: Token[]) => string): Translation {
  if (!isDollarExpression(raw)) return { ok: false, reason: 'uttrycket är inte skrivet som ${…} eller #{…}' };
  const text = raw.trim();
  try {
    return { ok: true, feel: build(tokenize(text.slice(2, -1))) };
  } catch (err) {
    if (err instanceof BeyondGrammar) return { ok: false, reason: err.message };
    throw err;
  }
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
    if (at < tokens.length) throw new BeyondGrammar(`oväntat ${describe(tokens[at]!)}`);
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
    if (!token) throw new BeyondGrammar('uttrycket tar slut för tidigt');
    if (token.kind === 'literal') return { kind: 'literal', feel: token.feel };
    if (token.kind === 'number') return { kind: 'literal', feel: token.text };
    if (token.kind === 'punct' && token.text === '-') {
      const number = tokens[at++];
      if (number?.kind !== 'number') throw new BeyondGrammar('räkneoperatorer (+ - * / %) är inte tillåtna');
      return { kind: 'literal', feel: `-${number.text}` };
    }
    if (token.kind === 'punct' && token.text === '(') {
      const inner = or();
      const close = tokens[at++];
      if (close?.kind !== 'punct' || close.text !== ')') throw new BeyondGrammar(close ? `oväntat ${describe(close)}, en ) saknas` : 'en ) saknas');
      return inner;
    }
    if (token.kind === 'name') {
      const path = [token.text];
      while (peek()?.kind === 'punct' && (peek() as { text: string }).text === '.') {
        at++;
        const part = tokens[at++];
        if (part?.kind !== 'name') throw new BeyondGrammar('efter en punkt måste ett namn följa');
        path.push(part.text);
      }
      const after = peek();
      if (after?.kind === 'punct' && after.text === '(') throw new BeyondGrammar(`anrop som ${path.join('.')}(…) är inte tillåtna`);
      return { kind: 'name', path };
    }
    throw new BeyondGrammar(`oväntat ${describe(token)}`);
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
  if (!tokens.length) throw new BeyondGrammar('uttrycket är tomt');
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
