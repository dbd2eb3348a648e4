// Test helper: a whole app on its own temporary data and processes directories, manual clock, demo users.
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOverrides } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { withLayout } from '../helpers/diagram-layout.js';
import { basic } from './basic-auth.js';

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'processes', 'web');

/** Where the manual clock starts in every test app. */
export const clockStart = '2027-01-15T08:00:00.000Z';

export interface TestApp {
  /** The app as it runs now (a restart replaces it). */
  app: FastifyInstance;
  dataDir: string;
  processesDir: string;
  /** A request as a demo user (null: without credentials). */
  call(user: string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
  /** Stops the app and builds it again on the same data directory, as a server restart does. */
  restart(): Promise<void>;
}

export interface TestAppOptions {
  /** Fixture files from test/fixtures/processes/web (default: web-beslut.bpmn). */
  processes?: string[];
  /** Extra environment (e.g. CLOCK=system, BPMN_MAX_BYTES). */
  env?: Record<string, string>;
  overrides?: AppOverrides;
}

/** Builds the app from the environment the server would see: CLOCK=manual, DEMO=1, logs silent. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const root = await mkdtemp(path.join(tmpdir(), 'bk-web-'));
  const dataDir = path.join(root, 'data');
  const processesDir = path.join(root, 'processes');
  await mkdir(processesDir);
  for (const file of options.processes ?? ['web-beslut.bpmn']) {
    await copyFile(path.join(fixturesDir, file), path.join(processesDir, file));
  }
  const config = loadConfig({
    DATA_DIR: dataDir,
    PROCESSES_DIR: processesDir,
    CLOCK: 'manual',
    DEMO: '1',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  let app: FastifyInstance;
  try {
    app = await buildApp(config, { manualClockStart: new Date(clockStart), ...options.overrides });
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  const testApp: TestApp = {
    app,
    dataDir,
    processesDir,
    call(user, request) {
      const headers = { ...(request.headers ?? {}), ...(user ? { authorization: basic(user) } : {}) };
      return testApp.app.inject({ ...request, headers });
    },
    async close() {
      await testApp.app.close();
      await rm(root, { recursive: true, force: true });
    },
    async restart() {
      await testApp.app.close();
      testApp.app = await buildApp(config, { manualClockStart: new Date(clockStart), ...options.overrides });
    },
  };
  return testApp;
}

/** A small valid diagram with the given process key, for upload tests. */
export function uploadableBpmn(key: string, taskName = 'Granska'): string {
  return withLayout(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://boendekoordination.se/test/web">
  <bpmn:process id="${key}" name="Uppladdad process" isExecutable="true">
    <bpmn:startEvent id="start" name="Start" />
    <bpmn:sequenceFlow id="toGranska" sourceRef="start" targetRef="granska" />
    <bpmn:userTask id="granska" name="${taskName}" camunda:candidateGroups="arbetsterapeut" />
    <bpmn:sequenceFlow id="toKlar" sourceRef="granska" targetRef="klar" />
    <bpmn:endEvent id="klar" name="Klar" />
  </bpmn:process>
</bpmn:definitions>
`);
}

/** Starts a `web-beslut` instance as lss-handlaggare and returns its id and its open task's id. */
export async function startBeslut(t: TestApp, businessKey = 'B-1'): Promise<{ instanceId: string; taskId: string }> {
  const started = await t.call('lss-handlaggare', {
    method: 'POST',
    url: '/api/processes/web-beslut/instances',
    payload: { businessKey, variables: { beslutsdatum: '2027-01-31' } },
  });
  if (started.statusCode !== 201) throw new Error(`start failed: ${started.statusCode} ${started.body}`);
  const instanceId: string = started.json().id;
  const tasks = await t.call('admin', { method: 'GET', url: `/api/tasks?instanceId=${instanceId}` });
  const taskId: string | undefined = tasks.json()[0]?.id;
  if (!taskId) throw new Error('no open task after start');
  return { instanceId, taskId };
}
