// Maps stored records to the shapes the API serves.
import type { InstanceSummary, TaskRecord } from '../engine/records/index.js';
import type { CompiledDefinition } from '../engine/definitions/process-model.js';
import type { InstanceListItem, ProcessDetail, ProcessListItem, TaskView } from './runtime-api.js';

export function toProcessListItem(d: CompiledDefinition): ProcessListItem {
  return { key: d.version.key, name: d.version.name, version: d.version.version, deployedAt: d.version.deployedAt };
}

export function toProcessDetail(versions: CompiledDefinition[]): ProcessDetail {
  const latest = versions.at(-1)!;
  return {
    ...toProcessListItem(latest),
    versions: versions.map((d) => ({ version: d.version.version, deployedAt: d.version.deployedAt, deployedBy: d.version.deployedBy })),
    startForm: latest.model.startForm,
    starterGroups: latest.model.starterGroups,
  };
}

export function toInstanceListItem(s: InstanceSummary): InstanceListItem {
  return { id: s.id, processKey: s.processKey, version: s.version, businessKey: s.businessKey, state: s.state, startedAt: s.startedAt, endedAt: s.endedAt };
}

export function toTaskView(t: TaskRecord): TaskView {
  return {
    id: t.id,
    instanceId: t.instanceId,
    processKey: t.processKey,
    elementId: t.elementId,
    name: t.name,
    candidateGroups: t.candidateGroups,
    assignee: t.assignee,
    createdAt: t.createdAt,
    due: t.due,
    form: t.form,
    ...(t.draft ? { draft: t.draft } : {}),
  };
}
