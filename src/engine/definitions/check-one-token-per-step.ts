// Refuses a diagram that could send a second token to a step while the first is still there. bpmn-elements runs one
// execution per activity and queues the next inbound token until the first leaves (Activity._consumeInbound), so a
// second quarter's task would wait out of sight behind the first. Until the engine runs each token on its own, such a
// diagram is refused at deploy, with the element and the reason named.
import type { DefinitionProblem } from '../../errors.js';
import { allFlowElements, type ModdleElement } from './bpmn-parse.js';

/** Elements a token can wait at for a long time: a second token reaching one would wait unseen behind the first. */
const waitingTypes = new Set(['bpmn:UserTask', 'bpmn:ReceiveTask', 'bpmn:IntermediateCatchEvent', 'bpmn:EventBasedGateway']);
const joiningGateways = new Set(['bpmn:ParallelGateway', 'bpmn:InclusiveGateway']);
const choosingGateways = new Set(['bpmn:ExclusiveGateway', 'bpmn:EventBasedGateway']);

interface Graph {
  byId: Map<string, ModdleElement>;
  /** Where a token can go next: sequence flows, and from an activity to the events on its border. */
  next: Map<string, string[]>;
  incoming: Map<string, number>;
}

export function checkOneTokenPerStep(process: ModdleElement, file: string): DefinitionProblem[] {
  const graph = buildGraph(process);
  const found = new Map<string, string>();
  const refuse = (elementId: string, message: string) => {
    if (!found.has(elementId)) found.set(elementId, message);
  };

  for (const el of graph.byId.values()) {
    if (isRepeatingBoundary(el)) {
      for (const id of reachable(graph, graph.next.get(el.id!) ?? [])) {
        if (isWaiting(graph, id)) {
          refuse(id, `${describe(graph, id)} nås från timern "${nameOf(el)}", som löser ut upprepade gånger utan att avbryta. ` +
            'Är steget fortfarande öppet när timern löser ut nästa gång, väntar den nya gången osynligt bakom den första, ' +
            'eftersom motorn kör ett steg en gång i taget. Låt den upprepade timern bara leda till tjänsteuppgifter ' +
            '(t.ex. bevakningar), eller rita perioderna som en slinga där steget avbryts när nästa period börjar.');
        }
      }
    }
    const branches = branchesOf(graph, el);
    if (branches.length < 2) continue;
    const reaches = branches.map((start) => reachable(graph, [start]));
    const loops = reaches.map((r) => r.has(el.id!));
    const waiting = new Set([...reaches.flatMap((r) => [...r])].filter((id) => isWaiting(graph, id)));
    for (const id of waiting) {
      const holding = reaches.map((r) => r.has(id));
      // A branch that comes back to the split sends the others a new token every round.
      const sentEveryRound = loops.some(Boolean) && holding.some((has, i) => has && !loops[i]);
      if (sentEveryRound) {
        refuse(id, `${describe(graph, id)} får ett nytt flöde varje varv i slingan genom "${nameOf(el)}". Är steget ` +
          'fortfarande öppet när nästa varv når det, väntar det nya flödet osynligt bakom det första, eftersom motorn ' +
          'kör ett steg en gång i taget. Lägg steget i själva slingan, så att nästa varv väntar på det.');
      } else if (holding.filter(Boolean).length > 1) {
        refuse(id, `${describe(graph, id)} kan nås av två flöden samtidigt från "${nameOf(el)}" utan en parallell ` +
          'sammanslagning emellan. Motorn kör ett steg en gång i taget, så det andra flödet skulle vänta osynligt. ' +
          'Slå ihop flödena med en parallell gateway före steget.');
      }
    }
    if (loops.filter(Boolean).length > 1) {
      refuse(el.id!, `"${nameOf(el)}" skickar fler än ett flöde tillbaka in i samma slinga, så flödena blir fler för varje varv.`);
    }
  }
  return [...found].map(([elementId, message]) => ({ file, elementId, message }));
}

function buildGraph(process: ModdleElement): Graph {
  const byId = new Map<string, ModdleElement>();
  const next = new Map<string, string[]>();
  const incoming = new Map<string, number>();
  const add = (from: string, to: string) => next.set(from, [...(next.get(from) ?? []), to]);
  const elements = allFlowElements(process);
  for (const el of elements) if (el.$type !== 'bpmn:SequenceFlow' && el.id) byId.set(el.id, el);
  for (const el of elements) {
    if (el.$type === 'bpmn:SequenceFlow') {
      const from = (el.sourceRef as ModdleElement | undefined)?.id;
      const to = (el.targetRef as ModdleElement | undefined)?.id;
      if (!from || !to) continue;
      add(from, to);
      incoming.set(to, (incoming.get(to) ?? 0) + 1);
    } else if (el.$type === 'bpmn:BoundaryEvent') {
      const host = (el.attachedToRef as ModdleElement | undefined)?.id;
      if (host && el.id) add(host, el.id);
    }
  }
  return { byId, next, incoming };
}

/**
 * The first elements of each token an element sends on at once: the outgoing flows of a parallel or inclusive split
 * (or of an activity with several flows out), and for an activity with non-interrupting boundary events, each such
 * event beside the activity's own way on. Choosing gateways and interrupting events send one token.
 */
function branchesOf(graph: Graph, el: ModdleElement): string[] {
  if (choosingGateways.has(el.$type)) return [];
  const out = graph.next.get(el.id!) ?? [];
  const isBorder = (id: string) => graph.byId.get(id)?.$type === 'bpmn:BoundaryEvent';
  const flows = out.filter((id) => !isBorder(id));
  const alongside = out.filter((id) => isBorder(id) && graph.byId.get(id)!.cancelActivity === false);
  const branches = alongside.length ? [...flows, ...alongside] : flows;
  return branches.length > 1 ? branches : [];
}

/** Everything a token can reach from `starts`, not past a parallel or inclusive join (it merges the tokens). */
function reachable(graph: Graph, starts: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...starts];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const el = graph.byId.get(id);
    if (el && joiningGateways.has(el.$type) && (graph.incoming.get(id) ?? 0) > 1) continue;
    stack.push(...(graph.next.get(id) ?? []));
  }
  return seen;
}

function isRepeatingBoundary(el: ModdleElement): boolean {
  if (el.$type !== 'bpmn:BoundaryEvent' || el.cancelActivity !== false) return false;
  const definitions = (el.eventDefinitions as ModdleElement[] | undefined) ?? [];
  return definitions.some((d) => d.$type === 'bpmn:TimerEventDefinition' && d.timeCycle);
}

function isWaiting(graph: Graph, id: string): boolean {
  const el = graph.byId.get(id);
  // A sub-process runs once at a time too, and stays open as long as a step inside it waits.
  if (el?.$type === 'bpmn:SubProcess') return allFlowElements(el).some((inner) => waitingTypes.has(inner.$type));
  return waitingTypes.has(el?.$type ?? '');
}

function nameOf(el: ModdleElement): string {
  return el.name?.trim() || el.id || '';
}

function describe(graph: Graph, id: string): string {
  const el = graph.byId.get(id)!;
  const kind: Record<string, string> = {
    'bpmn:UserTask': 'Uppgiften',
    'bpmn:ReceiveTask': 'Mottagningsuppgiften',
    'bpmn:IntermediateCatchEvent': 'Händelsen',
    'bpmn:EventBasedGateway': 'Händelsegatewayen',
    'bpmn:SubProcess': 'Delprocessen',
  };
  return `${kind[el.$type] ?? 'Steget'} "${nameOf(el)}"`;
}
