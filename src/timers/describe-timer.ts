// A timer or due date in Swedish words for the diagram editor, e.g. "3 månader efter beslutsdatum, sedan var 3:e månad".
import { tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { sv } from 'date-fns/locale/sv';
import { checkTimer, timerKinds, type TimerKind } from './timer-spec.js';
import { STOCKHOLM, parseDateOrDateTime } from './date-math.js';
import { parseIsoDuration, type DurationParts } from './iso-duration.js';
import { parseCycle } from './timer-cycle.js';
import { TimerError } from './timer-error.js';

/** What a timer value is: one of the BPMN timer kinds, or a user task's camunda:dueDate. */
export const describedKinds = [...timerKinds, 'dueDate'] as const;
export type DescribedKind = (typeof describedKinds)[number];

export type TimerDescription = { ok: true; text: string } | { ok: false; message: string };

const units: [keyof DurationParts, string, string][] = [
  ['years', 'år', 'år'],
  ['months', 'månad', 'månader'],
  ['weeks', 'vecka', 'veckor'],
  ['days', 'dag', 'dagar'],
  ['hours', 'timme', 'timmar'],
  ['minutes', 'minut', 'minuter'],
  ['seconds', 'sekund', 'sekunder'],
];

// The FEEL shapes our routines use; anything else is described as "beräknas" with the expression itself.
const variable = String.raw`([A-Za-z_][A-Za-z0-9_]*)`;
const durationLiteral = String.raw`duration\("(P[0-9YMWDTHS]+)"\)`;
const feelDate = new RegExp(String.raw`^=\s*date\(${variable}\)$`);
const feelBareVariable = new RegExp(String.raw`^=\s*${variable}$`);
const feelDatePlus = new RegExp(String.raw`^=\s*date\(${variable}\)\s*\+\s*${durationLiteral}$`);
const feelTodayPlus = new RegExp(String.raw`^=\s*today\(\)\s*\+\s*${durationLiteral}$`);
const feelAnchoredCycle = new RegExp(
  String.raw`^=\s*"R(\d*)/"\s*\+\s*string\(\s*date\(${variable}\)\s*(?:\+\s*${durationLiteral}\s*)?\)\s*\+\s*"/(P[0-9YMWDTHS]+)"$`,
);

/** Describes a timer value in words, or says why it cannot be used (the same check as at publish). */
export function describeTimer(kind: DescribedKind, raw: string): TimerDescription {
  const text = raw.trim();
  const timerKind: TimerKind = kind === 'dueDate' ? (text.startsWith('P') ? 'timeDuration' : 'timeDate') : kind;
  const problem = checkTimer(timerKind, text);
  if (problem) return { ok: false, message: problem };
  const reached = kind === 'dueDate' ? 'efter att uppgiften skapats' : 'efter att flödet når timern';
  try {
    const words = text.startsWith('=') ? describeFeel(text.replace(/\s+/g, ' '), timerKind, reached) : describeText(timerKind, text, reached);
    return { ok: true, text: words };
  } catch (error) {
    if (error instanceof TimerError) return { ok: false, message: error.message };
    throw error;
  }
}

function describeText(kind: TimerKind, text: string, reached: string): string {
  if (kind === 'timeDuration') return `${durationWords(parseIsoDuration(text))} ${reached}`;
  if (kind === 'timeDate') return dateWords(text);
  const { repeat, cycle } = parseCycle(text);
  const first = cycle.start ? `${dateWords(text.split('/')[1]!)}, sedan ${everyWords(cycle.duration)}` : `${everyWords(cycle.duration)}, första gången ${durationWords(parseIsoDuration(cycle.duration))} ${reached}`;
  return repeat > 0 ? `${first} (${timesWords(repeat)})` : first;
}

function describeFeel(text: string, kind: TimerKind, reached: string): string {
  // A bare variable is a day only where a date is expected; as a duration or cycle the engine reads it otherwise.
  let m = feelDate.exec(text) ?? (kind === 'timeDate' ? feelBareVariable.exec(text) : null);
  if (m) return `dagen som anges i ${m[1]}`;
  m = feelDatePlus.exec(text);
  if (m) return `${durationWords(parseIsoDuration(m[2]!))} efter ${m[1]}`;
  m = feelTodayPlus.exec(text);
  if (m) return `${durationWords(parseIsoDuration(m[1]!))} ${reached}, räknat i hela dagar`;
  m = feelAnchoredCycle.exec(text);
  if (m) {
    const [, count, anchor, offset, period] = m;
    const first = offset ? `${durationWords(parseIsoDuration(offset))} efter ${anchor}` : `dagen som anges i ${anchor}`;
    const times = count ? ` (${timesWords(Number(count))})` : '';
    return `${first}, sedan ${everyWords(period!)}${times}`;
  }
  return `beräknas av uttrycket ${text.slice(1).trim()}`;
}

function timesWords(n: number): string {
  return n === 1 ? '1 gång' : `${n} gånger`;
}

/** "3 månader", "1 år och 6 månader", "14 dagar". */
export function durationWords(parts: DurationParts): string {
  const named = units.filter(([key]) => parts[key] > 0).map(([key, one, many]) => `${parts[key]} ${parts[key] === 1 ? one : many}`);
  if (named.length === 0) return 'genast';
  return named.length === 1 ? named[0]! : `${named.slice(0, -1).join(', ')} och ${named.at(-1)}`;
}

/** "varje år", "var 3:e månad", "var 2:a vecka", or "med 1 år och 6 månaders mellanrum". */
function everyWords(duration: string): string {
  const parts = parseIsoDuration(duration);
  const used = units.filter(([key]) => parts[key] > 0);
  if (used.length !== 1) return `med ${durationWords(parts)}s mellanrum`;
  const [key, one] = used[0]!;
  const n = parts[key];
  return n === 1 ? `varje ${one}` : `var ${n}${ordinalSuffix(n)} ${one}`;
}

/** 1:a, 2:a, 3:e … 21:a, 22:a, but 11:e and 12:e. */
function ordinalSuffix(n: number): string {
  const last = n % 10;
  const lastTwo = n % 100;
  return (last === 1 || last === 2) && lastTwo !== 11 && lastTwo !== 12 ? ':a' : ':e';
}

/** "den 30 april 2027" or "den 30 april 2027 kl. 08:00" in Stockholm time. */
function dateWords(text: string): string {
  const date = parseDateOrDateTime(text);
  const inStockholm = { in: tz(STOCKHOLM), locale: sv };
  const day = format(date, 'd MMMM yyyy', inStockholm);
  return text.includes('T') ? `den ${day} kl. ${format(date, 'HH:mm', inStockholm)}` : `den ${day}`;
}
