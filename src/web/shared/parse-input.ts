// Checks a request's params, query or body against a zod schema; a mismatch is a 400 that names each field.
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { fieldMessages } from '../../forms/index.js';

const swedish = z.locales.sv().localeError;

/** Which part of the request is checked; names the field when the whole part is wrong. */
export type InputPart = 'params' | 'query' | 'body';

/**
 * Parses `value` with `schema` (Swedish messages, per call so no global zod setting changes) and returns the
 * result; otherwise throws `AppError('bad_request')` with one `fields` entry per problem.
 */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, part: InputPart): z.output<T> {
  const result = schema.safeParse(value, { error: swedish });
  if (result.success) return result.data;
  const fields = result.error.issues.flatMap((issue) => {
    const at = issue.path.map(String).join('.');
    // Same words as an unknown form field, so the API and the forms name an extra key alike.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: at ? `${at}.${key}` : key, message: fieldMessages.unknown }));
    }
    return [{ field: at || part, message: issue.message }];
  });
  throw new AppError('bad_request', messages[part], fields);
}

const messages: Record<InputPart, string> = {
  params: 'Adressen innehåller ett ogiltigt värde.',
  query: 'Sökvillkoren är inte giltiga.',
  body: 'Begärans innehåll är inte giltigt.',
};

/** An id or key taken from the path: short, and only letters, digits and `._:-`. */
export const IdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._:-]+$/, 'Får bara innehålla bokstäver a–z, siffror och . _ : -');

/** A version number as written in a path or a query: 1, 2, … */
export const VersionSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,8}$/, 'Ange ett versionsnummer, till exempel 2.')
  .transform(Number);

/** Process variables as sent by a client: a JSON object. */
export const VariablesSchema = z.record(z.string(), z.unknown());
