// Checks timer values at boot/upload and resolves them to due dates: ISO 8601 text or FEEL starting with `=`.
import { checkFeel, evaluateFeelValue, ExpressionError } from '../expressions/index.js';
import { addDuration, parseDateOrDateTime } from './date-math.js';
import { parseIsoDuration } from './iso-duration.js';
import { parseCycle, type TimerCycle } from './timer-cycle.js';
import { TimerError } from './timer-error.js';

export { TimerError } from './timer-error.js';
export { nextCycleDue, type TimerCycle } from './timer-cycle.js';

/** The three BPMN timer definitions, in the order the editor offers them. */
export const timerKinds = ['timeDuration', 'timeDate', 'timeCycle'] as const;
export type TimerKind = (typeof timerKinds)[number];

/**
 * The kinds in Swedish: `word` inside a sentence (publish checks, version diffs), `label` as the editor's choice,
 * where a duration also says from when it counts.
 */
export const timerKindNames: Readonly<Record<TimerKind, { word: string; label: string }>> = {
  timeDuration: { word: 'varaktighet', label: 'Varaktighet (efter att flödet når timern)' },
  timeDate: { word: 'datum', label: 'Datum' },
  timeCycle: { word: 'cykel', label: 'Upprepning' },
};

/** A timer's first due date and, for a cycle, how it repeats. */
export interface ResolvedTimer {
  expireAt: Date;
  /** 0 = fires once, -1 = unbounded, n = total number of firings. */
  repeat: number;
  cycle: TimerCycle | null;
}

/** Reached only by what the reader could not translate: it reads a lone `${name}` as `=name` (normalize-spellings). */
const JUEL_MESSAGE =
  'Ett ${…}- eller #{…}-uttryck i en timer läses bara när det är ett namn, som ${paminnelsedatum}. Skriv annars ett FEEL-uttryck som börjar med =, t.ex. =date(beslutsdatum) + duration("P3M").';
const juel = /[$#]\{/;

/** Null when the timer value can be used, else a Swedish message saying what is wrong (without quoting the value). */
export function checkTimer(kind: TimerKind, raw: string): string | null {
  const text = raw.trim();
  if (text === '') return 'Timern saknar värde.';
  if (text.startsWith('=')) return checkFeel(text) ?? checkDurationLiterals(text);
  if (juel.test(text)) return JUEL_MESSAGE;
  try {
    if (kind === 'timeDuration') parseIsoDuration(text);
    else if (kind === 'timeDate') parseDateOrDateTime(text);
    else parseCycle(text);
    return null;
  } catch (error) {
    if (error instanceof TimerError) return error.message;
    throw error;
  }
}

/** FEEL's own check passes duration("P1H") (it is a string); the engine would fail on it only when the timer runs. */
function checkDurationLiterals(text: string): string | null {
  for (const [, literal] of text.matchAll(/duration\(\s*"([^"]*)"\s*\)/g)) {
    try {
      parseIsoDuration(literal!);
    } catch (error) {
      if (error instanceof TimerError) return `En varaktighet i uttrycket går inte att tolka. ${error.message}`;
      throw error;
    }
  }
  return null;
}

/**
 * The first due date of a timer reached at `now`. FEEL is evaluated over the variables first: a date is
 * due at 00:00 Stockholm that day, a date-time at that instant, a duration at now + duration (each once,
 * whatever the kind); a string is read as the kind says. A cycle without start is first due one period
 * after now; with a start, at the start itself, even when that lies in the past (the timer then fires once for all
 * its periods already past: `catchUpCycle`).
 * @throws TimerError when the value cannot be resolved, e.g. a variable is missing.
 */
export function resolveTimer(kind: TimerKind, raw: string, variables: Record<string, unknown>, now: Date): ResolvedTimer {
  const text = raw.trim();
  if (!text.startsWith('=')) {
    if (juel.test(text)) throw new TimerError(JUEL_MESSAGE);
    return resolveText(kind, text, now);
  }
  const evaluation = evaluateFeelOrFail(text, variables, now);
  const { result } = evaluation;
  if (result.type === 'date' || result.type === 'dateTime') return once(parseDateOrDateTime(result.value));
  if (result.type === 'duration') return once(addDuration(now, result.value));
  if (typeof result.value === 'string') return resolveText(kind, result.value.trim(), now);
  if (result.value === null) {
    const missing = evaluation.missingVariables;
    throw new TimerError(
      missing.length === 0
        ? 'Tidsuttrycket gav inget värde. Kontrollera att variablerna finns och har rätt typ.'
        : `Tidsuttrycket gav inget värde: ${missing.length === 1 ? 'variabeln' : 'variablerna'} ${missing.join(', ')} saknas.`,
    );
  }
  throw new TimerError('Tidsuttrycket ska ge ett datum, en tidpunkt, en varaktighet eller en text, men gav något annat.');
}

function resolveText(kind: TimerKind, text: string, now: Date): ResolvedTimer {
  if (kind === 'timeDuration') return once(addDuration(now, text));
  if (kind === 'timeDate') return once(parseDateOrDateTime(text));
  const { repeat, cycle } = parseCycle(text);
  const expireAt = cycle.start ?? addDuration(now, cycle.duration);
  return { expireAt, repeat, cycle };
}

function once(expireAt: Date): ResolvedTimer {
  return { expireAt, repeat: 0, cycle: null };
}

function evaluateFeelOrFail(text: string, variables: Record<string, unknown>, now: Date) {
  try {
    return evaluateFeelValue(text, variables, { now });
  } catch (error) {
    if (error instanceof ExpressionError) throw new TimerError(error.message);
    throw error;
  }
}
