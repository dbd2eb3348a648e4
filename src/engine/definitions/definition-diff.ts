// What changed between two versions of a process: elements, names, timers, forms and candidate groups.
import type { FormField } from '../../forms/index.js';
import { timerKinds, type TimerKind } from '../../timers/index.js';
import { allFlowElements, type ModdleElement } from './bpmn-parse.js';
import type { ProcessModel } from './process-model.js';

/** One version as the diff reads it: the parsed definitions (for timers) and the model inspectDefinition read. */
export interface DiagramVersion {
  definitions: ModdleElement;
  model: ProcessModel;
}

export interface ElementRef {
  id: string;
  type: string;
  name: string;
}

export interface TimerValue {
  kind: TimerKind;
  value: string;
}

export type FormFieldProperty = 'type' | 'label' | 'required';

export interface FormChange {
  /** The user task's id; null for the start form. */
  elementId: string | null;
  elementName: string;
  added: FormField[];
  removed: FormField[];
  changed: { id: string; label: string; changes: { property: FormFieldProperty; from: string | boolean; to: string | boolean }[] }[];
}

/** The differences from one version to another; every list is empty when nothing of its kind changed. */
export interface DefinitionDiff {
  added: ElementRef[];
  removed: ElementRef[];
  renamed: { id: string; type: string; from: string; to: string }[];
  /** Elements in both versions whose timer changed kind or value (null: no timer in that version). */
  timers: { id: string; name: string; from: TimerValue | null; to: TimerValue | null }[];
  forms: FormChange[];
  candidateGroups: { id: string; name: string; from: string[]; to: string[] }[];
}

const fieldProperties: FormFieldProperty[] = ['type', 'label', 'required'];

/** Compares `from` with `to`; elements are matched by id. */
export function diffDefinitions(from: DiagramVersion, to: DiagramVersion): DefinitionDiff {
  const before = from.model.elements;
  const after = to.model.elements;
  const ref = (id: string, e: { type: string; name: string }): ElementRef => ({ id, type: e.type, name: e.name });
  const kept = [...after.keys()].filter((id) => before.has(id));
  const nameIn = (id: string) => after.get(id)!.name;

  const fromTimers = timersOf(from.definitions);
  const toTimers = timersOf(to.definitions);
  const timerIds = kept.filter((id) => fromTimers.has(id) || toTimers.has(id));

  const forms: FormChange[] = [];
  const startChange = formChange(null, 'Startformuläret', from.model.startForm, to.model.startForm);
  if (startChange) forms.push(startChange);
  const groups: DefinitionDiff['candidateGroups'] = [];
  for (const id of kept) {
    const a = from.model.userTasks.get(id);
    const b = to.model.userTasks.get(id);
    if (!a || !b) continue;
    const change = formChange(id, nameIn(id), a.form, b.form);
    if (change) forms.push(change);
    if (!sameSet(a.candidateGroups, b.candidateGroups)) groups.push({ id, name: nameIn(id), from: a.candidateGroups, to: b.candidateGroups });
  }

  return {
    added: [...after].filter(([id]) => !before.has(id)).map(([id, e]) => ref(id, e)),
    removed: [...before].filter(([id]) => !after.has(id)).map(([id, e]) => ref(id, e)),
    renamed: kept.filter((id) => before.get(id)!.name !== nameIn(id)).map((id) => ({ id, type: after.get(id)!.type, from: before.get(id)!.name, to: nameIn(id) })),
    timers: timerIds
      .map((id) => ({ id, name: nameIn(id), from: fromTimers.get(id) ?? null, to: toTimers.get(id) ?? null }))
      .filter((t) => t.from?.kind !== t.to?.kind || t.from?.value !== t.to?.value),
    forms,
    candidateGroups: groups,
  };
}

/** The timer of every element of the executable process that has one, by element id. */
function timersOf(definitions: ModdleElement): Map<string, TimerValue> {
  const out = new Map<string, TimerValue>();
  const roots = (definitions.rootElements as ModdleElement[] | undefined) ?? [];
  for (const process of roots.filter((r) => r.$type === 'bpmn:Process')) {
    for (const el of allFlowElements(process)) {
      const timer = ((el.eventDefinitions as ModdleElement[] | undefined) ?? []).find((d) => d.$type === 'bpmn:TimerEventDefinition');
      const kind = timer && timerKinds.find((k) => timer[k]);
      if (!el.id || !timer || !kind) continue;
      out.set(el.id, { kind, value: String((timer[kind] as ModdleElement).body ?? '').trim() });
    }
  }
  return out;
}

function formChange(elementId: string | null, elementName: string, before: FormField[], after: FormField[]): FormChange | null {
  const old = new Map(before.map((f) => [f.id, f]));
  const ids = new Set(after.map((f) => f.id));
  const changed: FormChange['changed'] = [];
  for (const field of after) {
    const previous = old.get(field.id);
    if (!previous) continue;
    const changes = fieldProperties.filter((p) => previous[p] !== field[p]).map((p) => ({ property: p, from: previous[p], to: field[p] }));
    if (changes.length) changed.push({ id: field.id, label: field.label, changes });
  }
  const change = { elementId, elementName, added: after.filter((f) => !old.has(f.id)), removed: before.filter((f) => !ids.has(f.id)), changed };
  return change.added.length || change.removed.length || changed.length ? change : null;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));
}
