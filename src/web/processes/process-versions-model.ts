// What the process pages show: every routine, one routine's versions with their running cases, and a diff in Swedish.
import type { DefinitionDiff, FormFieldProperty, RuntimeApi, TimerValue } from '../../runtime/index.js';
import type { FormField } from '../../forms/index.js';
import { timerKindNames } from '../../timers/index.js';

const elementTypeNames: Record<string, string> = {
  'bpmn:StartEvent': 'Starthändelse',
  'bpmn:EndEvent': 'Sluthändelse',
  'bpmn:IntermediateCatchEvent': 'Mellanhändelse',
  'bpmn:IntermediateThrowEvent': 'Mellanhändelse',
  'bpmn:BoundaryEvent': 'Kanthändelse',
  'bpmn:UserTask': 'Användaruppgift',
  'bpmn:ServiceTask': 'Tjänsteuppgift',
  'bpmn:SendTask': 'Sändaruppgift',
  'bpmn:ReceiveTask': 'Mottagaruppgift',
  'bpmn:ManualTask': 'Manuell uppgift',
  'bpmn:Task': 'Uppgift',
  'bpmn:ExclusiveGateway': 'Exklusiv gateway',
  'bpmn:InclusiveGateway': 'Inkluderande gateway',
  'bpmn:ParallelGateway': 'Parallell gateway',
  'bpmn:EventBasedGateway': 'Händelsebaserad gateway',
  'bpmn:SequenceFlow': 'Flöde',
};
const propertyNames: Record<FormFieldProperty, string> = { type: 'typ', label: 'etikett', required: 'obligatoriskt' };

const typeName = (type: string) => elementTypeNames[type] ?? type.replace(/^bpmn:/, '');
const timerText = (t: TimerValue | null) => (t ? `${timerKindNames[t.kind].word} ${t.value}` : 'ingen timer');
const valueText = (v: string | boolean) => (v === true ? 'ja' : v === false ? 'nej' : v);
const fieldText = (f: FormField) => `${f.label} (${f.id}, ${f.type}${f.required ? ', obligatoriskt' : ''})`;
const groupsText = (groups: string[]) => (groups.length ? groups.join(', ') : 'ingen grupp');

/** Every routine with its newest version, for `/processes`. */
export function processListModel(runtime: RuntimeApi) {
  const processes = runtime.listProcesses().map((p) => {
    const newest = runtime.getProcess(p.key).versions.at(-1);
    return { ...p, deployedBy: newest?.deployedBy ?? '' };
  });
  return { processes: processes.sort((a, b) => a.name.localeCompare(b.name, 'sv')) };
}

/** One routine's versions, newest first, each with its running cases and where its diagram is read from. */
export function processVersionsModel(runtime: RuntimeApi, key: string) {
  const process = runtime.getProcess(key);
  const running = new Map<number, number>();
  for (const i of runtime.listInstances({ processKey: key, state: 'running' })) running.set(i.version, (running.get(i.version) ?? 0) + 1);
  const base = `/processes/${encodeURIComponent(key)}/versions`;
  const versions = [...process.versions].reverse().map((v, index) => ({
    ...v,
    newest: index === 0,
    running: running.get(v.version) ?? 0,
    bpmnUrl: `${base}/${v.version}.bpmn`,
    // What this version changed, against the one before it.
    diffUrl: v.version > 1 ? `/processes/${encodeURIComponent(key)}/diff?from=${v.version - 1}&to=${v.version}` : null,
  }));
  const numbers = process.versions.map((v) => v.version);
  return {
    process: { key: process.key, name: process.name, version: process.version },
    versions,
    compare: numbers.length > 1 ? { numbers, from: numbers.at(-2), to: numbers.at(-1) } : null,
  };
}

/** The diff as lines of Swedish text, grouped under the headings the diff page shows. */
export function diffModel(diff: DefinitionDiff) {
  const sections = [
    { heading: 'Tillagda steg', lines: diff.added.map((e) => `${typeName(e.type)} ”${e.name}” (${e.id}) har lagts till.`) },
    { heading: 'Borttagna steg', lines: diff.removed.map((e) => `${typeName(e.type)} ”${e.name}” (${e.id}) har tagits bort.`) },
    { heading: 'Nya namn', lines: diff.renamed.map((r) => `${typeName(r.type)} ${r.id} har bytt namn från ”${r.from}” till ”${r.to}”.`) },
    { heading: 'Ändrade timers', lines: diff.timers.map((t) => `”${t.name}” (${t.id}): ${timerText(t.from)} → ${timerText(t.to)}.`) },
    {
      heading: 'Ändrade formulär',
      lines: diff.forms.flatMap((f) => {
        const where = f.elementId ? `Formuläret i ”${f.elementName}” (${f.elementId})` : 'Startformuläret';
        return [
          ...f.added.map((field) => `${where}: fältet ${fieldText(field)} har lagts till.`),
          ...f.removed.map((field) => `${where}: fältet ${fieldText(field)} har tagits bort.`),
          ...f.changed.map((c) => `${where}: fältet ”${c.label}” (${c.id}) har ändrats: ${c.changes.map((x) => `${propertyNames[x.property]} ${valueText(x.from)} → ${valueText(x.to)}`).join(', ')}.`),
        ];
      }),
    },
    { heading: 'Ändrade grupper', lines: diff.candidateGroups.map((g) => `”${g.name}” (${g.id}) utförs av ${groupsText(g.from)} → ${groupsText(g.to)}.`) },
  ];
  return { sections: sections.filter((s) => s.lines.length), unchanged: sections.every((s) => !s.lines.length) };
}
