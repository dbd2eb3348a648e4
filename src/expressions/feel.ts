// FEEL (as in Camunda 8) for sequence-flow conditions and timer values, on feelin: no eval, data-only variables.
import { format } from 'date-fns/format';
import { TZDate } from '@date-fns/tz';
import { dateAndTime, evaluate, parseDate, SyntaxError as FeelSyntaxError } from 'feelin';
import { DOUBLE_EQUALS_MESSAGE, findSyntaxProblem, JUEL_MESSAGE, occursOutsideStrings, RESERVED_NAME_MESSAGE, toFeelSource, usesReservedName } from './feel-source.js';
import { fromFeelResult, toFeelContext, type FeelResult } from './feel-values.js';

export type { FeelResult } from './feel-values.js';

/** An expression that cannot be evaluated because it is not valid FEEL; the message is Swedish. */
export class ExpressionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpressionError';
  }
}

/** Options for one evaluation. */
export interface FeelOptions {
  /** The application clock's time; FEEL `now()` and `today()` (Stockholm date) then follow it, not the system. */
  now?: Date;
}

/** A tagged FEEL result and the names of variables the expression asked for but did not get. */
export interface FeelEvaluation {
  result: FeelResult;
  missingVariables: string[];
}

/** Null when the expression (optionally starting with `=`) parses as FEEL, else a Swedish message. */
export function checkFeel(expression: string): string | null {
  const source = toFeelSource(expression);
  if (occursOutsideStrings(source.text, '${')) return JUEL_MESSAGE;
  if (occursOutsideStrings(source.text, '==')) return DOUBLE_EQUALS_MESSAGE;
  if (usesReservedName(source.text)) return RESERVED_NAME_MESSAGE;
  return findSyntaxProblem(source);
}

/**
 * Evaluates a FEEL expression over a data-only copy of the variables and returns plain JS: a date as
 * 'YYYY-MM-DD', a date-time and a duration as ISO 8601 strings, lists and contexts as arrays and objects.
 * Missing variables, type errors and anything feelin cannot compute give null, as FEEL prescribes.
 * @throws ExpressionError when the expression is not valid FEEL.
 */
export function evaluateFeel(expression: string, variables: Record<string, unknown>, options: FeelOptions = {}): unknown {
  return evaluateFeelValue(expression, variables, options).result.value;
}

/** Like {@link evaluateFeel}, but says whether the value was a FEEL date, date-time or duration. */
export function evaluateFeelValue(
  expression: string,
  variables: Record<string, unknown>,
  options: FeelOptions = {},
): FeelEvaluation {
  const problem = checkFeel(expression);
  if (problem !== null) throw new ExpressionError(problem);
  const source = toFeelSource(expression);
  const context = toFeelContext(variables);
  if (options.now) Object.assign(context, clockFunctions(options.now));
  let evaluated: ReturnType<typeof evaluate>;
  try {
    evaluated = evaluate(source.text, context);
  } catch (error) {
    if (error instanceof FeelSyntaxError) throw new ExpressionError('Uttrycket är inte giltig FEEL.');
    // feelin throws for a few unimplemented operations (e.g. string() of a nested context); FEEL says null.
    return { result: { type: 'other', value: null }, missingVariables: [] };
  }
  const missingVariables = evaluated.warnings
    .filter((warning) => warning.type === 'NO_VARIABLE_FOUND')
    .map((warning) => source.text.slice(warning.position.from, warning.position.to));
  return { result: fromFeelResult(evaluated.value), missingVariables: [...new Set(missingVariables)] };
}

/**
 * A sequence-flow condition: true only when the expression yields FEEL `true`; null, a missing variable
 * or any other value is false.
 * @throws ExpressionError when the expression is not valid FEEL.
 */
export function evaluateCondition(
  expression: string,
  variables: Record<string, unknown>,
  options: FeelOptions = {},
): boolean {
  return evaluateFeel(expression, variables, options) === true;
}

function clockFunctions(now: Date): Record<string, () => unknown> {
  const instant = now.toISOString();
  const stockholmDay = format(new TZDate(now.getTime(), 'Europe/Stockholm'), 'yyyy-MM-dd');
  return { now: () => dateAndTime(instant), today: () => parseDate(stockholmDay) };
}
