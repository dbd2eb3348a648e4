import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { RotatingJournalFile } from '../../src/store/rotating-journal-file.js';
import { useTempDir } from './store-test-kit.js';

const open = { readable() {}, writable() {} };
const read = (at: string, n: number) => ({ at, n });
const lines = async (file: string) => (await readFile(file, 'utf8')).split('\n').slice(0, -1).map((l) => JSON.parse(l) as unknown);

async function collect(segments: AsyncIterable<unknown[]>): Promise<unknown[][]> {
  const all: unknown[][] = [];
  for await (const records of segments) all.push(records);
  return all;
}

describe('RotatingJournalFile', () => {
  const temp = useTempDir();

  test('when records of several months are appended, then past months are sealed in their own files and all are read in append order', async () => {
    // given
    const journal = new RotatingJournalFile(temp.dir, 'access', open);
    const records = [read('2026-11-30T23:59:00.000Z', 1), read('2026-12-01T00:00:00.000Z', 2), read('2026-12-31T12:00:00.000Z', 3), read('2027-01-02T08:00:00.000Z', 4)];
    // when
    for (const record of records) await journal.append([record]);
    // then
    expect((await readdir(temp.dir)).sort()).toEqual(['access-2026-11.jsonl', 'access-2026-12.jsonl', 'access.jsonl']);
    expect(await lines(path.join(temp.dir, 'access-2026-12.jsonl'))).toEqual([records[1], records[2]]);
    expect(await lines(path.join(temp.dir, 'access.jsonl'))).toEqual([records[3]]);
    expect(await new RotatingJournalFile(temp.dir, 'access', open).readAll()).toEqual(records);
    expect(await collect(journal.readSegments({}))).toEqual([[records[3]], [records[1], records[2]], [records[0]]]);
  });

  test('when a range is read, then only the segments of the months it covers are opened', async () => {
    // given
    const journal = new RotatingJournalFile(temp.dir, 'access', open);
    for (const [n, at] of ['2026-10-05', '2026-11-05', '2026-12-05', '2027-01-05'].entries()) await journal.append([read(`${at}T10:00:00.000Z`, n)]);
    // a line nobody can parse: reading October or November at all would throw
    await appendFile(path.join(temp.dir, 'access-2026-10.jsonl'), 'not json\n');
    await appendFile(path.join(temp.dir, 'access-2026-11.jsonl'), 'not json\n');
    // when
    const december = await collect(journal.readSegments({ from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' }));
    const fromDecember = await collect(journal.readSegments({ from: '2026-12-10T00:00:00.000Z' }));
    // then
    expect(december).toEqual([[read('2026-12-05T10:00:00.000Z', 2)]]);
    expect(fromDecember).toEqual([[read('2027-01-05T10:00:00.000Z', 3)], [read('2026-12-05T10:00:00.000Z', 2)]]);
    await expect(journal.readAll()).rejects.toThrow(SyntaxError);
  });

  test('when an access.jsonl from before rotation spans months, then it is read, and sealed whole under every month it holds', async () => {
    // given
    const before = [read('2026-03-01T10:00:00.000Z', 1), read('2026-07-01T10:00:00.000Z', 2), read('2026-09-30T10:00:00.000Z', 3)];
    await writeFile(path.join(temp.dir, 'access.jsonl'), before.map((r) => `${JSON.stringify(r)}\n`).join(''));
    const journal = new RotatingJournalFile(temp.dir, 'access', open);
    expect(await journal.readAll()).toEqual(before);
    // when
    await journal.append([read('2026-10-01T10:00:00.000Z', 4)]);
    // then
    expect((await readdir(temp.dir)).sort()).toEqual(['access-2026-03--2026-09.jsonl', 'access.jsonl']);
    expect(await collect(journal.readSegments({ from: '2026-07-01T00:00:00.000Z', to: '2026-07-02T00:00:00.000Z' }))).toEqual([before]);
    expect(await journal.readAll()).toEqual([...before, read('2026-10-01T10:00:00.000Z', 4)]);
  });

  test('when the current file ends in a torn line, then earlier records and later appends are intact, also across a sealing', async () => {
    // given
    const [first, second, third, february] = ['2027-01-01', '2027-01-02', '2027-01-04', '2027-02-01'].map((day, n) => read(`${day}T10:00:00.000Z`, n));
    const journal = new RotatingJournalFile(temp.dir, 'access', open);
    await journal.append([first, second]);
    await appendFile(path.join(temp.dir, 'access.jsonl'), '{"at":"2027-01-03T1');
    const reopened = new RotatingJournalFile(temp.dir, 'access', open);
    expect(await reopened.readAll()).toEqual([first, second]);
    // when
    await reopened.append([third]);
    await appendFile(path.join(temp.dir, 'access.jsonl'), '{"at":"2027-01-05T1');
    await new RotatingJournalFile(temp.dir, 'access', open).append([february]);
    // then
    expect(await new RotatingJournalFile(temp.dir, 'access', open).readAll()).toEqual([first, second, third, february]);
    expect(await lines(path.join(temp.dir, 'access-2027-01.jsonl'))).toEqual([first, second, third]);
    expect(await lines(path.join(temp.dir, 'access.jsonl'))).toEqual([february]);
  });

  test('when the current file reaches the size cap within a month, then it is sealed under the same month with a number, in order', async () => {
    // given
    const journal = new RotatingJournalFile(temp.dir, 'access', open, 100);
    const records = Array.from({ length: 10 }, (_, n) => read(`2027-01-${String(n + 1).padStart(2, '0')}T10:00:00.000Z`, n));
    // when (three records pass 100 bytes)
    for (const record of records) await journal.append([record]);
    // then
    expect(await lines(path.join(temp.dir, 'access-2027-01.2.jsonl'))).toEqual(records.slice(3, 6));
    expect((await readdir(temp.dir)).sort()).toEqual(['access-2027-01.2.jsonl', 'access-2027-01.3.jsonl', 'access-2027-01.jsonl', 'access.jsonl']);
    expect(await new RotatingJournalFile(temp.dir, 'access', open, 100).readAll()).toEqual(records);
  });

  test('when the current file holds a line that does not parse, then appends still go on, and seal it when the month turns', async () => {
    // given
    await writeFile(path.join(temp.dir, 'access.jsonl'), `${JSON.stringify(read('2027-01-01T10:00:00.000Z', 1))}\nnot json\n`);
    const journal = new RotatingJournalFile(temp.dir, 'access', open);
    // when
    await journal.append([read('2027-01-02T10:00:00.000Z', 2)]);
    await journal.append([read('2027-02-01T10:00:00.000Z', 3)]);
    // then
    expect((await readdir(temp.dir)).sort()).toEqual(['access-2027-01.jsonl', 'access.jsonl']);
    expect(await lines(path.join(temp.dir, 'access.jsonl'))).toEqual([read('2027-02-01T10:00:00.000Z', 3)]);
  });
});
