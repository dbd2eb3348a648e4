// Tests of the whole app as built: readiness, a bad diagram stopping the boot, and what never reaches the log.
import { Writable } from 'node:stream';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { DefinitionError } from '../../src/errors.js';
import { basic } from './basic-auth.js';
import { startTestApp, type TestApp } from './test-app.js';

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'processes', 'web');
let t: TestApp | undefined;
let tempRoot: string | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
  if (tempRoot) await rm(tempRoot, { recursive: true, force: true });
  tempRoot = undefined;
});

describe('buildApp', () => {
  test('when the app is built, then /health answers ok without credentials', async () => {
    // given
    t = await startTestApp();

    // when
    const response = await t.app.inject({ method: 'GET', url: '/health' });

    // then
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  test('when a diagram in the processes directory has a script task, then the build fails naming it and frees the data directory', async () => {
    // given
    tempRoot = await mkdtemp(path.join(tmpdir(), 'bk-web-boot-'));
    const dataDir = path.join(tempRoot, 'data');
    const badDir = path.join(tempRoot, 'bad');
    const goodDir = path.join(tempRoot, 'good');
    await mkdir(badDir);
    await mkdir(goodDir);
    await copyFile(path.join(fixturesDir, 'web-skript.bpmn'), path.join(badDir, 'web-skript.bpmn'));
    await copyFile(path.join(fixturesDir, 'web-beslut.bpmn'), path.join(goodDir, 'web-beslut.bpmn'));
    const env = { DATA_DIR: dataDir, CLOCK: 'manual', LOG_LEVEL: 'silent' };

    // when
    const failure = await buildApp(loadConfig({ ...env, PROCESSES_DIR: badDir })).catch((error: unknown) => error);

    // then
    expect(failure).toBeInstanceOf(DefinitionError);
    expect((failure as DefinitionError).problems).toContainEqual(
      expect.objectContaining({ file: expect.stringContaining('web-skript.bpmn'), elementId: 'rakna' }),
    );
    const app = await buildApp(loadConfig({ ...env, PROCESSES_DIR: goodDir }));
    await app.close();
  });

  test('when requests carry credentials, query strings and bodies, then none of them reach the log', async () => {
    // given
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    t = await startTestApp({ env: { LOG_LEVEL: 'trace' }, overrides: { logStream } });

    // when
    await t.call('lss-handlaggare', { method: 'GET', url: '/api/instances?businessKey=19121212-1212' });
    await t.call('lss-handlaggare', {
      method: 'POST',
      url: '/api/processes/web-beslut/instances',
      payload: { businessKey: '19121212-1212', variables: { beslutsdatum: '2027-01-31' } },
    });

    // then
    const log = lines.join('');
    expect(log).toContain('/api/instances');
    expect(log).not.toContain('19121212-1212');
    expect(log).not.toContain(basic('lss-handlaggare').slice('Basic '.length));
  });

  test('when a case or its history is read, then the log names who read which case and nothing of its content', async () => {
    // given
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    t = await startTestApp({ overrides: { logStream }, env: { LOG_LEVEL: 'info' } });
    const started = await t.call('lss-handlaggare', {
      method: 'POST',
      url: '/api/processes/web-beslut/instances',
      payload: { variables: { beslutsdatum: '2027-01-31' } },
    });
    const { id } = started.json<{ id: string }>();
    // when
    await t.call('revisor', { method: 'GET', url: `/api/instances/${id}` });
    await t.call('enhetschef', { method: 'GET', url: `/api/instances/${id}/history` });
    // then
    const reads = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === 'case.read');
    expect(reads.map((r) => [r.user, r.instanceId, r.kind])).toEqual([
      ['revisor', id, 'instance'],
      ['enhetschef', id, 'history'],
    ]);
    expect(lines.join('')).not.toContain('2027-01-31');
  });
});
