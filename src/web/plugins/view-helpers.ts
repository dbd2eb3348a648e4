// Handlebars helpers for the pages: Swedish dates in Europe/Stockholm, comparisons. They return text; Handlebars escapes it.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { sv } from 'date-fns/locale/sv';

const STOCKHOLM = 'Europe/Stockholm';

/** "15 jan. 2027 09:00" for an ISO instant; "" for nothing. */
export function formatDateTime(value: unknown): string {
  if (typeof value !== 'string' || !value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return format(new TZDate(date.getTime(), STOCKHOLM), 'd MMM yyyy HH:mm', { locale: sv });
}

/** "15 januari 2027" for a day (YYYY-MM-DD) or an instant. */
export function formatDay(value: unknown): string {
  if (typeof value !== 'string' || !value) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new TZDate(`${value}T12:00:00`, STOCKHOLM) : new TZDate(new Date(value).getTime(), STOCKHOLM);
  if (Number.isNaN(date.getTime())) return value;
  return format(date, 'd MMMM yyyy', { locale: sv });
}

export const viewHelpers: Record<string, (...args: unknown[]) => unknown> = {
  formatDateTime: (v) => formatDateTime(v),
  formatDay: (v) => formatDay(v),
  eq: (a, b) => a === b,
  includes: (list, item) => Array.isArray(list) && list.includes(item),
  join: (list, sep) => (Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : ''),
};
