import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CorruptFileError, DurableJsonFile } from '../../src/store/durable-json-file.js';
import { useTempDir } from './store-test-kit.js';

describe('DurableJsonFile', () => {
  const temp = useTempDir();

  test('when the file does not exist, then read returns null', async () => {
    // given
    const file = new DurableJsonFile<{ a: number }>(path.join(temp.dir, 'missing.json'));
    // when
    const data = await file.read();
    // then
    expect(data).toBeNull();
  });

  test('when data is written, then it reads back from compact JSON in a 0600 file with no temp file left', async () => {
    // given
    const target = path.join(temp.dir, 'data.json');
    const file = new DurableJsonFile<{ name: string; list: number[] }>(target);
    // when
    await file.write({ name: 'Åsa', list: [1, 2] });
    // then
    expect(await file.read()).toEqual({ name: 'Åsa', list: [1, 2] });
    expect(await readFile(target, 'utf8')).toBe('{"name":"Åsa","list":[1,2]}');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect(await readdir(temp.dir)).toEqual(['data.json']);
  });

  test('when many writes to one file are started at once, then they land in call order and the last one wins', async () => {
    // given
    const target = path.join(temp.dir, 'counter.json');
    const writers = [new DurableJsonFile<{ n: number }>(target), new DurableJsonFile<{ n: number }>(target)];
    // when
    await Promise.all(Array.from({ length: 40 }, (_, n) => writers[n % 2]!.write({ n })));
    // then
    expect(await writers[0]!.read()).toEqual({ n: 39 });
  });

  test('when the file is not valid JSON, then read throws naming the file and leaves it untouched', async () => {
    // given
    const target = path.join(temp.dir, 'broken.json');
    await writeFile(target, '{"half":');
    const file = new DurableJsonFile<unknown>(target);
    // when
    const reading = file.read();
    // then
    await expect(reading).rejects.toThrow(CorruptFileError);
    await expect(file.read()).rejects.toThrow(target);
    expect(await readFile(target, 'utf8')).toBe('{"half":');
  });
});
