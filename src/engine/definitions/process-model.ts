// What the runtime needs to know about one process version, read once from its diagram.
import type { FormField } from '../../forms/index.js';
import type { DefinitionVersion } from '../records/index.js';
import type { CallActivityModel } from './check-call-activity.js';
import { armedMessageStarts, caughtByErrorStart } from './event-sub-process-model.js';

/** A multi-instance user task: the list variable it reads, the name each task sees its item by, and the order. */
export interface LoopModel {
  /** The variable holding the list (from `camunda:collection="=name"`). */
  collection: string;
  /** The name the item has in the task's assignee, unit and due date expressions (bpmn-elements' default: item). */
  elementVariable: string;
  isSequential: boolean;
}

export interface UserTaskModel {
  candidateGroups: string[];
  /** `camunda:candidateUsers`: users offered the task by name, beside its groups or instead of them. */
  candidateUsers: string[];
  /** Static user name, or FEEL when it starts with `=`. */
  assignee: string | null;
  /** ISO date-time, ISO duration from the task's start, or FEEL when it starts with `=`. */
  dueDate: string | null;
  form: FormField[];
  /** The routine's instruction for the step (`bpmn:documentation`), shown on the task page; null when it has none. */
  documentation: string | null;
  /** `camunda:property name="unit"`: the unit the task is addressed to, static or FEEL (`=valdUtforare`); null: none. */
  unit: string | null;
  /** Done once per item of a list (multi-instance, check-loop.ts); absent: once. */
  loop?: LoopModel;
}

export interface ServiceTaskModel {
  handler: string;
  /** `camunda:properties`: the handler's input; a value starting with `=` is FEEL. */
  properties: Record<string, string>;
}

/** A bpmn:message and the variables it may carry, declared like a form; undeclared ones are refused. */
export interface MessageModel {
  id: string;
  name: string;
  variables: FormField[];
}

export interface ProcessModel {
  key: string;
  name: string;
  starterGroups: string[];
  /** The process's `camunda:properties`, e.g. `insats` and `lag` that the IVO report reads. */
  properties: Record<string, string>;
  startForm: FormField[];
  /**
   * Every flow element; `messageRef` on a receive task or message event names its message, `attachedTo` a boundary
   * event's task, `errorCode` what an error boundary event catches.
   */
  /** `timer`: a timer event's value as written (its FEEL names the variables a retry of its incident may correct). */
  /** `parent`: the embedded sub-process the element sits in, when it is not directly in the process. */
  /** `triggeredByEvent`: an event sub-process; `interrupting: false`: its start runs beside the rest of its scope. */
  elements: Map<string, { type: string; name: string; messageRef?: string; attachedTo?: string; errorCode?: string; timer?: string; parent?: string; triggeredByEvent?: true; interrupting?: false }>;
  userTasks: Map<string, UserTaskModel>;
  serviceTasks: Map<string, ServiceTaskModel>;
  /** bpmn:message by id; the API delivers a message by its id (or its name). */
  messages: Map<string, MessageModel>;
  /** Call activities by id: the routine each starts as a child case, and what is passed in and back. */
  callActivities: Map<string, CallActivityModel>;
}

/** One deployed version, parsed and ready to run: the model, and the context the engine recovers against. */
export interface CompiledDefinition {
  version: DefinitionVersion;
  model: ProcessModel;
  sourceContext: unknown;
}

/** Whether an error boundary event on the step catches this business error code; otherwise a failure is an incident. */
export function catchesError(model: ProcessModel, elementId: string, code: string): boolean {
  // The error leaves the step and then each sub-process around it, so a boundary event on any of them catches it.
  for (let at: string | undefined = elementId; at; at = model.elements.get(at)?.parent) {
    for (const element of model.elements.values()) {
      if (element.attachedTo === at && element.errorCode === code) return true;
    }
  }
  return caughtByErrorStart(model, elementId, code);
}

/** Whether a case standing at `active` waits for the message with this id now (a receive task or catch event). */
export function waitsForMessage(model: ProcessModel, active: readonly { elementId: string }[], messageId: string): boolean {
  return waitingMessages(model, active).some((w) => w.messageId === messageId);
}

/** The elements of a case standing at `active` that wait for a message now, with the message each waits for. */
export function waitingMessages(model: ProcessModel, active: readonly { elementId: string }[]): { elementId: string; messageId: string }[] {
  const at = new Set(active.map((a) => a.elementId));
  const waiting: { elementId: string; messageId: string }[] = [];
  for (const [id, element] of model.elements) {
    if (!element.messageRef || element.type === 'bpmn:IntermediateThrowEvent' || element.type === 'bpmn:EndEvent') continue;
    // A boundary event waits while the task it is attached to does (positions list the task, not its boundaries).
    if (at.has(id) || (element.attachedTo !== undefined && at.has(element.attachedTo))) waiting.push({ elementId: id, messageId: element.messageRef });
  }
  return [...waiting, ...armedMessageStarts(model, at)];
}

/**
 * The roles that take part in a process: those that may start it and the candidate groups of its user tasks (a lane
 * gives its tasks their role). A role that only receives bevakningar reads the case but does not act in it.
 */
export function processRoles(model: ProcessModel): string[] {
  return [...new Set([...model.starterGroups, ...[...model.userTasks.values()].flatMap((t) => t.candidateGroups)])].sort();
}

/**
 * The roles that have a part in a process and so read its cases (API.md "Access"): those that act in it, and those
 * its bevakningar are sent to (a service task's static `group`; one chosen by FEEL is not known before it runs).
 */
export function caseReaderRoles(model: ProcessModel): string[] {
  const watchers = [...model.serviceTasks.values()].map((t) => t.properties.group).filter((g): g is string => typeof g === 'string' && g !== '' && !g.startsWith('='));
  return [...new Set([...processRoles(model), ...watchers])].sort();
}
