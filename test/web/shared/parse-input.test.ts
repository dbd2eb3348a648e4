// Unit tests of the zod envelope check that turns a mismatch into a 400 with fields.
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../src/errors.js';
import { fieldMessages } from '../../../src/forms/index.js';
import { IdSchema, parseInput } from '../../../src/web/shared/parse-input.js';

const BodySchema = z.object({ businessKey: z.string().max(5).optional(), variables: z.record(z.string(), z.unknown()) }).strict();

describe('parseInput', () => {
  test('when the input fits the schema, then the parsed value is returned', () => {
    // given
    const body = { variables: { svar: 'ja' } };

    // when
    const parsed = parseInput(BodySchema, body, 'body');

    // then
    expect(parsed).toEqual({ variables: { svar: 'ja' } });
  });

  test('when fields are wrong or unknown, then 400 bad_request names each field in Swedish', () => {
    // given
    const body = { businessKey: 'för lång', variables: 'inte ett objekt', extra: 1 };

    // when
    const error = catchAppError(() => parseInput(BodySchema, body, 'body'));

    // then
    expect(error.status).toBe(400);
    expect(error.code).toBe('bad_request');
    expect(error.fields?.map((f) => f.field).sort()).toEqual(['businessKey', 'extra', 'variables']);
    expect(error.fields?.find((f) => f.field === 'extra')?.message).toBe(fieldMessages.unknown);
  });

  test('when the whole body is not an object, then the problem is reported on "body"', () => {
    // given
    const body = 'text';

    // when
    const error = catchAppError(() => parseInput(BodySchema, body, 'body'));

    // then
    expect(error.fields).toEqual([{ field: 'body', message: expect.any(String) }]);
  });

  test('when an id holds a path separator, then it is refused', () => {
    // given
    const params = { id: '../etc/passwd' };

    // when
    const error = catchAppError(() => parseInput(z.object({ id: IdSchema }), params, 'params'));

    // then
    expect(error.fields?.[0]?.field).toBe('id');
  });
});

function catchAppError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}
