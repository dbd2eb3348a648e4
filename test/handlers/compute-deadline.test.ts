import { describe, expect, test } from 'vitest';
import { computeDeadline } from '../../src/handlers/compute-deadline.js';
import { recordCaseEvent } from '../../src/handlers/record-case-event.js';
import { handlerHarness } from '../helpers/handler-context.js';

describe('computeDeadline', () => {
  test('when counted in working days, then weekends and Swedish holidays, midsommarafton and julafton included, are skipped', async () => {
    // given
    const { context } = handlerHarness();
    const run = (from: string, workingDays: string) => computeDeadline.run(computeDeadline.input.parse({ from, workingDays, variable: 'senast' }), context);
    // when / then
    expect(await run('2027-04-15', '1')).toEqual({ senast: '2027-04-16' });
    expect(await run('2027-04-16', '1')).toEqual({ senast: '2027-04-19' });
    expect(await run('2027-06-24', '1')).toEqual({ senast: '2027-06-28' });
    expect(await run('2027-12-23', '1')).toEqual({ senast: '2027-12-27' });
    expect(await run('2027-03-25', '1')).toEqual({ senast: '2027-03-30' });
  });

  test('when the apartment is ready only after the count, then the day is the ready day; before it, the count stands', async () => {
    // given an offer on 2027-02-01 and rent from day 10
    const { context } = handlerHarness();
    const run = (notBefore: string) => computeDeadline.run(computeDeadline.input.parse({ from: '2027-02-01', calendarDays: 10, notBefore, variable: 'hyraSenastFran' }), context);
    // when / then
    expect(await run('2027-02-20')).toEqual({ hyraSenastFran: '2027-02-20' });
    expect(await run('2027-01-28')).toEqual({ hyraSenastFran: '2027-02-11' });
  });

  test('when counted in calendar days or months, then months are clamped to the month end', async () => {
    // given
    const { context } = handlerHarness();
    // when / then
    expect(await computeDeadline.run(computeDeadline.input.parse({ from: '2027-01-31', months: '1', variable: 'x' }), context)).toEqual({ x: '2027-02-28' });
    expect(await computeDeadline.run(computeDeadline.input.parse({ from: '2027-01-31', calendarDays: 14, variable: 'x' }), context)).toEqual({ x: '2027-02-14' });
  });

  test('when none or two of the counts are given, or the date does not exist, then the input is refused', () => {
    // when / then
    expect(computeDeadline.input.safeParse({ from: '2027-01-31', variable: 'x' }).success).toBe(false);
    expect(computeDeadline.input.safeParse({ from: '2027-01-31', months: '1', calendarDays: '2', variable: 'x' }).success).toBe(false);
    expect(computeDeadline.input.safeParse({ from: '2027-02-30', months: '1', variable: 'x' }).success).toBe(false);
    expect(computeDeadline.input.safeParse({ from: '2027-01-31', months: '1', variable: 'inte ett namn' }).success).toBe(false);
  });
});

describe('recordCaseEvent', () => {
  test('when a decline or closure has no reason, then it is refused; otherwise the event is recorded with today by the clock', async () => {
    // given
    const harness = handlerHarness({ now: '2027-05-02T22:30:00Z' });
    // when
    const refused = recordCaseEvent.input.safeParse({ event: 'avbojt' });
    await recordCaseEvent.run(recordCaseEvent.input.parse({ event: 'verkstallt' }), harness.context);
    // then
    expect(refused.success).toBe(false);
    expect(harness.caseEvents).toEqual([{ type: 'verkstallt', date: '2027-05-03', reason: null }]);
  });
});
