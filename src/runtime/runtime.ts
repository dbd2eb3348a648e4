// The process runtime behind the API: one method per call, each handed to the module of its concern.
import { appendCaseRead, listCaseReads, type CaseRead, type CaseReadFilter, type CaseReadKind } from '../audit/case-reads.js';
import type { HousingSeed } from '../housing/housing-seed.js';
import type { Actor } from '../auth/actor.js';
import type { ClockMove, InstanceFilter, RuntimeApi, TaskFilter } from './runtime-api.js';
import type { EditedVersion } from '../engine/definitions/definition-registry.js';
import * as clock from './clock.js';
import * as inbox from './inbox.js';
import * as instances from './instances.js';
import type { RuntimeParts } from './runtime-parts.js';
import * as processes from './processes.js';
import * as reads from './reads.js';
import * as tasks from './tasks.js';
import * as versions from './versions.js';

export type { RuntimeParts } from './runtime-parts.js';
export { manualClockSetting } from './clock.js';

/** The RuntimeApi over the parts createRuntime builds. */
export class Runtime implements RuntimeApi {
  constructor(private readonly parts: RuntimeParts) {}

  listProcesses() {
    return processes.listProcesses(this.parts);
  }

  getProcess(key: string) {
    return processes.getProcess(this.parts, key);
  }

  deploy(xml: string, actor: Actor, editing?: EditedVersion) {
    return processes.deploy(this.parts, xml, actor, editing);
  }

  checkDefinition(xml: string, expectedKey?: string) {
    return processes.checkDefinition(this.parts, xml, expectedKey);
  }

  getDefinitionSource(key: string, version: number) {
    return processes.getDefinitionSource(this.parts, key, version);
  }

  compareVersions(key: string, from: number, to: number) {
    return versions.compareVersions(this.parts, key, from, to);
  }

  startInstance(key: string, input: { businessKey?: string; variables: Record<string, unknown> }, actor: Actor) {
    return instances.startInstance(this.parts, key, input, actor);
  }

  listInstances(filter: InstanceFilter) {
    return instances.listInstances(this.parts, filter);
  }

  getInstance(id: string) {
    return instances.getInstance(this.parts, id);
  }

  getHistory(id: string) {
    return instances.getHistory(this.parts, id);
  }

  deliverMessage(instanceId: string, messageName: string, variables: Record<string, unknown>, actor: Actor) {
    return instances.deliverMessage(this.parts, instanceId, messageName, variables, actor);
  }

  async recordCaseRead(read: { user: string; instanceId: string; kind: CaseReadKind }): Promise<void> {
    await appendCaseRead(this.parts.store.accessLog, read, this.parts.clock.now());
  }

  listCaseReads(filter: CaseReadFilter): Promise<CaseRead[]> {
    return listCaseReads(this.parts.store.accessLog, filter);
  }

  listTasks(filter: TaskFilter, actor: Actor) {
    return tasks.listTasks(this.parts, filter, actor);
  }

  getTask(taskId: string, actor: Actor) {
    return tasks.getTask(this.parts, taskId, actor);
  }

  claimTask(taskId: string, actor: Actor) {
    return tasks.claimTask(this.parts, taskId, actor);
  }

  unclaimTask(taskId: string, actor: Actor) {
    return tasks.unclaimTask(this.parts, taskId, actor);
  }

  saveTaskDraft(taskId: string, values: Record<string, unknown>, actor: Actor) {
    return tasks.saveTaskDraft(this.parts, taskId, values, actor);
  }

  completeTask(taskId: string, variables: Record<string, unknown>, actor: Actor) {
    return tasks.completeTask(this.parts, taskId, variables, actor);
  }

  listInbox(actor: Actor) {
    return inbox.listInbox(this.parts, actor);
  }

  getBevakning(id: string, actor: Actor) {
    return inbox.getBevakning(this.parts, id, actor);
  }

  markBevakningRead(id: string, actor: Actor) {
    return inbox.markBevakningRead(this.parts, id, actor);
  }

  housingRegister() {
    return reads.housingRegister(this.parts);
  }

  seedHousing(seed: HousingSeed) {
    return reads.seedHousing(this.parts, seed);
  }

  ivoReport(quarter: string) {
    return reads.ivoReport(this.parts, quarter);
  }

  waitingTimes() {
    return reads.waitingTimes(this.parts);
  }

  clockNow() {
    return clock.clockNow(this.parts);
  }

  moveClock(move: ClockMove) {
    return clock.moveClock(this.parts, move);
  }

  async close() {
    await this.parts.scheduler.stop();
    await this.parts.store.close();
  }
}
