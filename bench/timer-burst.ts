// (f) Timers that fall due together: `count` cases each waiting on a one-day timer, then one clock move past them all.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultHandlers } from '../src/handlers/index.js';
import { loadIvoConfig } from '../src/reports/ivo-config.js';
import { createRuntime } from '../src/runtime/index.js';
import { createStore } from '../src/store/create-store.js';
import type { FreshStore } from './bench-stores.js';

const diagram = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="benchTimer" targetNamespace="https://boendekoordination.example/bench">
  <bpmn:process id="bench-timer" name="Bänk: ett dygns väntan" isExecutable="true">
    <bpmn:startEvent id="start" name="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="dygn" />
    <bpmn:intermediateCatchEvent id="dygn" name="Ett dygn"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="dygn" targetRef="uppgift" />
    <bpmn:userTask id="uppgift" name="Uppgift" camunda:candidateGroups="enhetschef" />
    <bpmn:sequenceFlow id="f3" sourceRef="uppgift" targetRef="slut" />
    <bpmn:endEvent id="slut" name="Slut" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="benchTimerDiagram"><bpmndi:BPMNPlane id="benchTimerPlane" bpmnElement="bench-timer">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="dygn_di" bpmnElement="dygn"><dc:Bounds x="200" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="uppgift_di" bpmnElement="uppgift"><dc:Bounds x="300" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="slut_di" bpmnElement="slut"><dc:Bounds x="460" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="236" y="118" /><di:waypoint x="300" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="400" y="118" /><di:waypoint x="460" y="118" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

/** Timers fired per second by one manual clock move past `count` timers due at the same moment, in `store`. */
export async function measureTimerBurst(count: number, ivoConfigFile: string, store: FreshStore): Promise<number> {
  const root = await mkdtemp(path.join(tmpdir(), 'bk-bench-timers-'));
  try {
    await mkdir(path.join(root, 'processes'));
    await writeFile(path.join(root, 'processes', 'bench-timer.bpmn'), diagram);
    const runtime = await createRuntime({
      store: await createStore(store.choice, store.dataDir),
      clockMode: 'manual',
      processesDir: path.join(root, 'processes'),
      handlers: defaultHandlers,
      logger: { info() {}, warn() {}, error() {} },
      ivoConfig: await loadIvoConfig(ivoConfigFile),
      manualClockStart: new Date('2027-01-15T08:00:00Z'),
    });
    const admin = { username: 'admin', roles: ['admin'] };
    for (let i = 0; i < count; i++) await runtime.startInstance('bench-timer', { variables: {} }, admin);
    const start = performance.now();
    await runtime.moveClock({ advance: 'P2D' });
    const seconds = (performance.now() - start) / 1000;
    await runtime.close();
    return count / seconds;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
