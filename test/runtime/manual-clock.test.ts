// The manual clock under concurrent moves and a stop mid-move: each caller gets its own time, and a move is stored
// before any timer fires, so the clock never comes back earlier than what it answered or what the cases stored.
import { afterEach, describe, expect, test } from 'vitest';
import { createLowdbStore } from '../../src/store/lowdb-store.js';
import { manualClockSetting } from '../../src/runtime/clock.js';
import { actors, startHarness, type Harness } from '../helpers/runtime-harness.js';

describe('the manual clock', () => {
  let h: Harness;
  afterEach(() => h?.close());

  test('when ten moves of a month come at once, then each caller gets a different time, a month apart, and the clock ends ten months on', async () => {
    // given
    h = await startHarness({ processes: ['engine/vantetid.bpmn'], start: '2027-01-15T08:00:00Z' });
    await h.runtime.startInstance('vantetid', { variables: {} }, actors.admin);
    // when
    const answers = await Promise.all(Array.from({ length: 10 }, () => h.runtime.moveClock({ advance: 'P1M' })));
    // then
    const times = answers.map((a) => a.now).sort();
    expect(new Set(times).size).toBe(10);
    expect(times[0]).toBe('2027-02-15T08:00:00.000Z');
    expect(times[9]).toBe('2027-11-15T08:00:00.000Z');
    expect(h.runtime.clockNow().now).toBe('2027-11-15T08:00:00.000Z');
  });

  test('when a move has answered, then the stored clock is at least that time, so a restart never goes back', async () => {
    // given
    h = await startHarness({ processes: ['engine/vantetid.bpmn'], start: '2027-01-15T08:00:00Z' });
    // when
    const { now } = await h.runtime.moveClock({ advance: 'P2M' });
    let stored: string | null = null;
    const rt = await h.restart(async () => {
      const store = createLowdbStore(h.dataDir);
      await store.open();
      stored = await store.settings.get<string>(manualClockSetting);
      await store.close();
    });
    // then
    expect(stored).toBe(now);
    expect(rt.clockNow().now).toBe(now);
  });
});
