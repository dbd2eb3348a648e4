// What the runtime keeps of one instance: its summary (tasks, timers, bevakningar, case events), history and document.
import type { CaseEvent, DecisionHeader, EarlierDecision } from '../../decisions/index.js';
import type { FormField } from '../../forms/index.js';

export type InstanceState = 'running' | 'completed' | 'cancelled' | 'failed';

export interface TaskRecord {
  /** Globally unique and stable for one waiting of one task: `${instanceId}.${executionId}`. */
  id: string;
  instanceId: string;
  processKey: string;
  elementId: string;
  executionId: string;
  name: string;
  candidateGroups: string[];
  /** Users offered the task by name (`camunda:candidateUsers`); absent: none (and in documents stored before). */
  candidateUsers?: string[];
  assignee: string | null;
  createdAt: string;
  due: string | null;
  /** Addressed to one unit: only the group's members of that unit (and those tied to no unit) see and take it. */
  unit?: string | null;
  /** The day someone (a chef, the assignee) means to look at the task again; absent or null: none. */
  followUp?: string | null;
  form: FormField[];
  /** Values saved for later without completing the task (`saveTaskDraft`); absent until the first save. */
  draft?: Record<string, unknown>;
  /** One item of a multi-instance task: its label (also in `name`), place in the list (from 0) and the list's length. */
  item?: { label: string; index: number; count: number };
}

export interface TimerRecord {
  /** `${instanceId}.${executionId}` of the timer event definition's execution. */
  id: string;
  instanceId: string;
  elementId: string;
  executionId: string;
  dueAt: string;
}

export interface Bevakning {
  id: string;
  instanceId: string;
  group: string;
  subject: string;
  body: string;
  /** Addressed to one unit (a provider, an enhetschef's own boende): only the group's members of that unit get it. */
  unit?: string;
  createdAt: string;
  readAt: string | null;
}

/** What the inbox, task list, scheduler and instance list need, kept small so boot reads only this. */
export interface InstanceSummary {
  id: string;
  processKey: string;
  version: number;
  businessKey: string | null;
  state: InstanceState;
  startedAt: string;
  endedAt: string | null;
  /** Increases by one with every stored transition; the optimistic lock. */
  rev: number;
  variables: Record<string, unknown>;
  active: { elementId: string; name: string }[];
  tasks: TaskRecord[];
  timers: TimerRecord[];
  bevakningar: Bevakning[];
  caseEvents: CaseEvent[];
  /** The favourable decision the case carries, fixed at the start; absent when the start did not name one (or it was stored before). */
  decision?: DecisionHeader | null;
  /** Decisions the case carried before `decision` (a new order replaced them), each with its own events. */
  earlierDecisions?: EarlierDecision[];
  /** Messages this case sent to other cases and that are not yet delivered; stored with the step that sent them. */
  outbox?: OutgoingMessage[];
  /** Ids of the outgoing messages from other cases this case has taken in (newest last), so a resend is taken once. */
  receivedMessages?: string[];
  /** Steps that failed for a reason the diagram does not catch; the token waits there until a retry succeeds. */
  incidents?: Incident[];
  /** Usernames that have held one of its tasks (claimed, assigned, completed), each once; they may read the case. Absent on a case stored before they were kept, until its next step. */
  taskHolders?: string[];
  /** Child cases its call activities started (or are to start, or to end); absent when none. */
  calls?: CallRecord[];
  /** The case and call activity that started this one as a child; absent for a case started otherwise. */
  calledBy?: CalledBy;
  /** Culled (gallrad): the person's data is gone and only this de-identified stub is kept, for statistics. */
  culled?: CulledMark;
}

/** When a case was culled, by whom, under which rule of config/gallring.json. */
export interface CulledMark {
  at: string;
  by: string;
  rule: string;
}

/**
 * A child case a call activity started. `starting`: its id is fixed, the case may not exist yet (made at most once,
 * after this record is stored); `running`: it exists and the caller waits; `failed`: it ended without finishing and the
 * caller waits at an incident; `ending`: the caller left the step (a boundary event, the case ended), so it is ended.
 */
export interface CallRecord {
  childId: string;
  elementId: string;
  /** The call activity's execution that waits for the child. */
  executionId: string;
  processKey: string;
  state: 'starting' | 'running' | 'failed' | 'ending';
}

export interface CalledBy {
  instanceId: string;
  elementId: string;
  executionId: string;
}

/** A step that failed for a reason the diagram does not catch: the case waits at it until someone retries. */
export interface Incident {
  id: string;
  instanceId: string;
  elementId: string;
  /** The step's name as the diagram says it. */
  name: string;
  /** What went wrong, in Swedish when the step said it. */
  message: string;
  at: string;
}

/** A BPMN message one case sends another (an offer, an answer); delivered after the sending step is stored. */
export interface OutgoingMessage {
  id: string;
  /** The receiving case's instance id. */
  to: string;
  /** The message id in the receiving case's diagram. */
  message: string;
  variables: Record<string, unknown>;
  /** The step that sent it. */
  elementId: string;
  at: string;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  type: string;
  elementId: string | null;
  elementName: string | null;
  actor: string | null;
  data: Record<string, unknown> | null;
}

export interface InstanceDocument {
  summary: InstanceSummary;
  /** bpmn-engine getState() output without the embedded source. */
  engineState: unknown;
  /** The history entries of the transition that produced this document (seq ascending). */
  lastEntries: HistoryEntry[];
}
