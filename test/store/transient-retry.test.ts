// A busy file system is waited out: a write that fails with a transient error is tried again before it fails.
import { describe, expect, test } from 'vitest';
import { withTransientRetry } from '../../src/store/transient-retry.js';

const busy = () => Object.assign(new Error('resource busy or locked'), { code: 'EBUSY' });

describe('withTransientRetry', () => {
  test('when the file system is busy twice, then the third attempt writes and the caller sees success', async () => {
    // given
    let attempts = 0;
    const write = async () => {
      attempts++;
      if (attempts < 3) throw busy();
      return 'skrivet';
    };
    // when
    const result = await withTransientRetry(write, [1, 1, 1]);
    // then
    expect(result).toBe('skrivet');
    expect(attempts).toBe(3);
  });

  test('when it stays busy, then it gives up after the last wait with the file system error', async () => {
    // given
    let attempts = 0;
    const write = async () => {
      attempts++;
      throw busy();
    };
    // when / then
    await expect(withTransientRetry(write, [1, 1])).rejects.toMatchObject({ code: 'EBUSY' });
    expect(attempts).toBe(3);
  });

  test('when the error is not transient (a full disk), then it is not tried again', async () => {
    // given
    let attempts = 0;
    const write = async () => {
      attempts++;
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    };
    // when / then
    await expect(withTransientRetry(write, [1, 1])).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(attempts).toBe(1);
  });
});
