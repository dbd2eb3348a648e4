// What a new routine starts from: the diagram the editor opens (blank, or a copy of a routine with the new id and
// name); its key comes from the runtime (`routineKeyFor`), the rule that keys other modelers' process ids. Pure text
// in, text out; the editor's checks and the publish judge the result.

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** A start, one task for the process owner to rename, and an end, drawn; it passes the publish checks as it is. */
export function blankRoutine(key: string, name: string): string {
  const n = escapeXml(name);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_${key}" targetNamespace="http://boendekoordination.se/rutiner">
  <bpmn:process id="${key}" name="${n}" isExecutable="true">
    <bpmn:startEvent id="start" name="Rutinen börjar">
      <bpmn:outgoing>flodTillForstaSteg</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:sequenceFlow id="flodTillForstaSteg" sourceRef="start" targetRef="forstaSteg" />
    <bpmn:userTask id="forstaSteg" name="Första steget" camunda:candidateGroups="enhetschef">
      <bpmn:incoming>flodTillForstaSteg</bpmn:incoming>
      <bpmn:outgoing>flodTillSlut</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="flodTillSlut" sourceRef="forstaSteg" targetRef="slut" />
    <bpmn:endEvent id="slut" name="Rutinen är klar">
      <bpmn:incoming>flodTillSlut</bpmn:incoming>
    </bpmn:endEvent>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_${key}">
    <bpmndi:BPMNPlane id="Plane_${key}" bpmnElement="${key}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="forstaSteg_di" bpmnElement="forstaSteg"><dc:Bounds x="250" y="80" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="slut_di" bpmnElement="slut"><dc:Bounds x="422" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="flodTillForstaSteg_di" bpmnElement="flodTillForstaSteg"><di:waypoint x="188" y="120" /><di:waypoint x="250" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="flodTillSlut_di" bpmnElement="flodTillSlut"><di:waypoint x="350" y="120" /><di:waypoint x="422" y="120" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

/** A routine's diagram under a new key and name: the process id, what points at it, and the process's name. */
export function copiedRoutine(xml: string, fromKey: string, key: string, name: string): string {
  const ref = new RegExp(`(\\s(?:id|bpmnElement|processRef)=")${fromKey.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(")`, 'g');
  const renamed = xml.replace(ref, `$1${key}$2`);
  return renamed.replace(/<([\w-]+:)?process\b[^>]*>/g, (tag) => {
    if (!tag.includes(` id="${key}"`)) return tag;
    const named = ` name="${escapeXml(name)}"`;
    return /\sname="[^"]*"/.test(tag) ? tag.replace(/\sname="[^"]*"/, named) : tag.replace(` id="${key}"`, ` id="${key}"${named}`);
  });
}
