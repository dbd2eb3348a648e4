// Draws a plain left-to-right layout (BPMN DI) into a small test diagram that has none, so it deploys as drawn, without
// the layout and the warning a diagram without a drawing gets. Test diagrams only: it reads our own fixtures' markup.

const nodeTypes = /<bpmn:(startEvent|endEvent|intermediateCatchEvent|intermediateThrowEvent|userTask|serviceTask|sendTask|receiveTask|task|scriptTask|manualTask|businessRuleTask|callActivity|subProcess|exclusiveGateway|parallelGateway|inclusiveGateway|eventBasedGateway|complexGateway)\b[^>]*?\bid="([^"]+)"/g;
const flowPattern = /<bpmn:sequenceFlow\b[^>]*?\bid="([^"]+)"[^>]*?\bsourceRef="([^"]+)"[^>]*?\btargetRef="([^"]+)"/g;
const boundaryPattern = /<bpmn:boundaryEvent\b[^>]*?\bid="([^"]+)"[^>]*?\battachedToRef="([^"]+)"|<bpmn:boundaryEvent\b[^>]*?\battachedToRef="([^"]+)"[^>]*?\bid="([^"]+)"/g;
const lanePattern = /<bpmn:lane\b[^>]*?\bid="([^"]+)"/g;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function sizeOf(type: string): { width: number; height: number } {
  if (type.endsWith('Event')) return { width: 36, height: 36 };
  if (type.endsWith('Gateway')) return { width: 50, height: 50 };
  return { width: 100, height: 80 };
}

/** The diagram with a BPMNDiagram for its process appended; a diagram that has one already is returned as it is. */
export function withLayout(xml: string): string {
  if (xml.includes('BPMNDiagram')) return xml;
  const processId = /<bpmn:process\b[^>]*?\bid="([^"]+)"/.exec(xml)?.[1];
  if (!processId) return xml;
  const nodes = [...xml.matchAll(nodeTypes)].map((m) => ({ type: m[1]!, id: m[2]! }));
  const flows = [...xml.matchAll(flowPattern)].map((m) => ({ id: m[1]!, source: m[2]!, target: m[3]! }));
  const boundaries = [...xml.matchAll(boundaryPattern)].map((m) => ({ id: (m[1] ?? m[4])!, host: (m[2] ?? m[3])! }));

  // Columns by breadth-first distance from the nodes nothing flows into; rows in order of arrival.
  const column = new Map<string, number>();
  const targets = new Set(flows.map((f) => f.target));
  const queue = nodes.filter((n) => !targets.has(n.id)).map((n) => n.id);
  for (const id of queue) column.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const from = queue[i]!;
    const sources = [from, ...boundaries.filter((b) => b.host === from).map((b) => b.id)];
    for (const flow of flows.filter((f) => sources.includes(f.source))) {
      if (column.has(flow.target)) continue;
      column.set(flow.target, column.get(from)! + 1);
      queue.push(flow.target);
    }
  }
  const rowsUsed = new Map<number, number>();
  const boxes = new Map<string, Box>();
  for (const node of nodes) {
    const col = column.get(node.id) ?? 0;
    const row = rowsUsed.get(col) ?? 0;
    rowsUsed.set(col, row + 1);
    const { width, height } = sizeOf(node.type);
    boxes.set(node.id, { x: 200 + col * 180 + (100 - width) / 2, y: 100 + row * 160 + (80 - height) / 2, width, height });
  }
  const perHost = new Map<string, number>();
  for (const boundary of boundaries) {
    const host = boxes.get(boundary.host);
    if (!host) continue;
    const index = perHost.get(boundary.host) ?? 0;
    perHost.set(boundary.host, index + 1);
    boxes.set(boundary.id, { x: host.x + 10 + index * 44, y: host.y + host.height - 18, width: 36, height: 36 });
  }
  const right = Math.max(400, ...[...boxes.values()].map((b) => b.x + b.width)) + 60;
  const bottom = Math.max(200, ...[...boxes.values()].map((b) => b.y + b.height)) + 60;
  const lanes = [...xml.matchAll(lanePattern)].map((m) => m[1]!);
  const laneHeight = Math.ceil((bottom - 40) / Math.max(1, lanes.length));
  const center = (b: Box) => ({ x: Math.round(b.x + b.width / 2), y: Math.round(b.y + b.height / 2) });

  const shape = (id: string, b: Box, extra = '') =>
    `      <bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"${extra}><dc:Bounds x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" /></bpmndi:BPMNShape>`;
  const lines = [
    ...lanes.map((id, i) => shape(id, { x: 120, y: 40 + i * laneHeight, width: right - 120, height: laneHeight }, ' isHorizontal="true"')),
    ...[...boxes].map(([id, b]) => shape(id, b)),
    ...flows.flatMap((f) => {
      const from = boxes.get(f.source);
      const to = boxes.get(f.target);
      if (!from || !to) return [];
      const [a, b] = [center(from), center(to)];
      return [`      <bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}"><di:waypoint x="${a.x}" y="${a.y}" /><di:waypoint x="${b.x}" y="${b.y}" /></bpmndi:BPMNEdge>`];
    }),
  ];
  const diagram = `  <bpmndi:BPMNDiagram id="${processId}_diagram">
    <bpmndi:BPMNPlane id="${processId}_plane" bpmnElement="${processId}">
${lines.join('\n')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
`;
  const namespaces = [
    ['bpmndi', 'http://www.omg.org/spec/BPMN/20100524/DI'],
    ['dc', 'http://www.omg.org/spec/DD/20100524/DC'],
    ['di', 'http://www.omg.org/spec/DD/20100524/DI'],
  ]
    .filter(([prefix]) => !new RegExp(`xmlns:${prefix}=`).test(xml))
    .map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`)
    .join('');
  return xml.replace(/<bpmn:definitions\b/, `<bpmn:definitions${namespaces}`).replace(/<\/bpmn:definitions>\s*$/, `${diagram}</bpmn:definitions>\n`);
}

/** The opening of a small test diagram: bpmn, camunda and xsi namespaces; close it with `</bpmn:definitions>`. */
export const testDefinitionsOpen = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="http://boendekoordination.se/test">`;

/** A form field's `required` constraint, for test diagrams. */
export const requiredConstraint = '<camunda:validation><camunda:constraint name="required" /></camunda:validation>';
