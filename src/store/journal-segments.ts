// A rotating journal's segment files: their names (the calendar months they hold), the months of records and ranges.

/** Calendar months `YYYY-MM` (UTC, as the records' ISO instants), first and last, inclusive. */
export interface MonthSpan {
  from: string;
  to: string;
}

/** A sealed segment: `<base>-<from>[--<to>][.<seq>].jsonl`, never appended to again. */
export interface SealedSegment {
  name: string;
  span: MonthSpan;
  /** 1, 2, … among the sealed segments with the same last month, in the order they were sealed. */
  seq: number;
}

const MONTH = /^(\d{4}-(?:0[1-9]|1[0-2]))/;

/** The UTC month of an ISO instant, or null if it is not one. */
export function monthOf(instant: unknown): string | null {
  if (typeof instant !== 'string') return null;
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return null;
  return MONTH.exec(new Date(time).toISOString())?.[1] ?? null;
}

/** The months the records' `at` fall in; null if none has a time. */
export function spanOf(records: readonly unknown[], start: MonthSpan | null = null): MonthSpan | null {
  let span = start;
  for (const record of records) {
    const month = monthOf((record as { at?: unknown } | null)?.at);
    if (month) span = widen(span, month);
  }
  return span;
}

export function widen(span: MonthSpan | null, month: string): MonthSpan {
  if (!span) return { from: month, to: month };
  return { from: month < span.from ? month : span.from, to: month > span.to ? month : span.to };
}

/** Whether a segment holding `span` may hold a record timed in [from, to) (ISO instants, either open). */
export function mayOverlap(span: MonthSpan, range: { from?: string; to?: string }): boolean {
  const first = range.from === undefined ? null : monthOf(range.from);
  // `to` is exclusive: a range ending at the first instant of a month does not reach into it.
  const end = range.to === undefined ? Number.NaN : Date.parse(range.to);
  const last = Number.isNaN(end) ? null : monthOf(new Date(end - 1).toISOString());
  return (first === null || span.to >= first) && (last === null || span.from <= last);
}

/** The sealed segments among the directory's file names, oldest first (the order they were sealed). */
export function sealedSegments(base: string, names: readonly string[]): SealedSegment[] {
  const pattern = new RegExp(`^${escape(base)}-(\\d{4}-\\d{2})(?:--(\\d{4}-\\d{2}))?(?:\\.(\\d+))?\\.jsonl$`);
  const found: SealedSegment[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const from = match[1]!;
    found.push({ name, span: { from, to: match[2] ?? from }, seq: match[3] ? Number(match[3]) : 1 });
  }
  return found.sort((a, b) => (a.span.to === b.span.to ? a.seq - b.seq : a.span.to < b.span.to ? -1 : 1));
}

/**
 * The name for sealing the active segment holding `span`, after the segments already sealed. Its last month is never
 * earlier than theirs (a clock set back could make it so), which keeps name order the order of sealing.
 */
export function nextSealedName(base: string, span: MonthSpan | null, sealed: readonly SealedSegment[]): string {
  const newest = sealed.at(-1);
  let to = span?.to ?? newest?.span.to ?? '0000-01';
  if (newest && newest.span.to > to) to = newest.span.to;
  const from = span?.from ?? to;
  const seq = 1 + Math.max(0, ...sealed.filter((s) => s.span.to === to).map((s) => s.seq));
  return `${base}-${from === to ? to : `${from}--${to}`}${seq > 1 ? `.${seq}` : ''}.jsonl`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
