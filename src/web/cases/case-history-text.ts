// One history entry said in Swedish for the case page's timeline: what happened, and the values that came with it.
import type { HistoryEntry } from '../../runtime/index.js';
import { formatDateTime } from '../plugins/view-helpers.js';
import { displayValue } from '../shared/display-value.js';

/** One labelled value shown under a history entry. */
export interface Detail {
  label: string;
  value: string;
}

/** How an element type is named in a sentence ("Uppgiften ”Lämna svar” påbörjades"). */
const elementKinds: Record<string, string> = {
  'bpmn:UserTask': 'Uppgiften',
  'bpmn:ServiceTask': 'Det automatiska steget',
  'bpmn:StartEvent': 'Starten',
  'bpmn:EndEvent': 'Slutet',
  'bpmn:ExclusiveGateway': 'Vägvalet',
  'bpmn:ParallelGateway': 'Förgreningen',
  'bpmn:EventBasedGateway': 'Väntan på händelse',
  'bpmn:IntermediateCatchEvent': 'Väntan',
  'bpmn:BoundaryEvent': 'Händelsen',
  'bpmn:MessageEventDefinition': 'Händelsen',
  'bpmn:TimerEventDefinition': 'Tidsfristen',
};

const caseEvents: Record<string, string> = {
  erbjudande: 'Ett erbjudande lämnades',
  avbojt: 'Erbjudandet avböjdes',
  verkstallt: 'Beslutet verkställdes',
  avslutat: 'Beslutet avslutades',
  avbrott: 'Verkställigheten avbröts',
  aterupptagen: 'Verkställigheten återupptogs',
  drojsmal: 'Skäl till dröjsmål angavs',
  overlamnad: 'Beslutet lämnades över till ett annat ärende',
};

const housingEvents: Record<string, string> = {
  'unit.created': 'En enhet lades in i boenderegistret',
  'apartment.created': 'En lägenhet lades in i boenderegistret',
  'apartment.vacated': 'En lägenhet anmäldes ledig',
  'apartment.reserved': 'En lägenhet reserverades',
  'apartment.released': 'En reserverad lägenhet släpptes',
  'apartment.booked': 'En lägenhet bokades',
  'apartment.rentedOut': 'En lägenhet hyrdes ut',
  'queue.added': 'Brukaren ställdes i kö',
  'queue.left': 'Brukaren lämnade kön',
  'offer.recorded': 'Ett erbjudande om lägenhet registrerades',
  'offer.answered': 'Erbjudandet om lägenhet besvarades',
  'waitlist.added': 'Brukaren sattes upp på väntelistan för byte av boende',
  'waitlist.left': 'Brukaren lämnade väntelistan för byte av boende',
};

/** Swedish labels of the keys the runtime and the handlers write; other keys are shown as they are. */
const labels: Record<string, string> = {
  businessKey: 'Ärendenummer',
  date: 'Datum',
  reason: 'Orsak',
  dueAt: 'Förfaller',
  missedPeriods: 'Missade perioder',
  group: 'Grupp',
  subject: 'Ämne',
  apartmentId: 'Lägenhet',
  readyDate: 'Inflyttningsklar',
  moveInDate: 'Inflyttning',
  queueEntryId: 'Köplats',
  waitlistEntryId: 'Plats på väntelistan',
  offerId: 'Erbjudande',
  offerDate: 'Erbjudet',
  answer: 'Svar',
  answeredAt: 'Besvarat',
  message: 'Fel',
  followUp: 'Följs upp',
  list: 'Lista',
};

/** The sentence for one entry, e.g. "Uppgiften ”Lämna svar” slutfördes". */
export function describeEntry(entry: HistoryEntry): string {
  const name = `”${entry.elementName ?? entry.elementId ?? ''}”`;
  const data = entry.data ?? {};
  const kind = elementKinds[String(data.type)] ?? 'Steget';
  switch (entry.type) {
    case 'instance.started': return 'Ärendet startades';
    case 'instance.completed': return 'Processen avslutades';
    case 'instance.failed': return `Processen stoppades av ett fel: ${String(data.message ?? '')}`;
    case 'instance.cancelled': return 'Ärendet avbröts';
    case 'instance.revived': return `Ärendet togs upp igen vid ${name}, där ett tidigare fel hade stoppat det`;
    case 'incident.opened': return `${name} misslyckades och väntar på en rättelse (incident)`;
    case 'incident.retried': return `${name} försöktes igen`;
    case 'incident.resolved': return `Incidenten vid ${name} löstes: steget gick igenom`;
    case 'activity.entered': return `${kind} ${name} påbörjades`;
    case 'activity.left': return `${kind} ${name} avslutades`;
    case 'activity.cancelled': return `${kind} ${name} avbröts`;
    case 'task.created': return `Uppgiften ${name} skapades`;
    case 'task.claimed': return `Uppgiften ${name} togs av ${entry.actor ?? 'någon'}`;
    case 'task.unclaimed': return `Uppgiften ${name} lämnades tillbaka till gruppen`;
    case 'task.assigned': return data.assignee ? `Uppgiften ${name} fördelades till ${String(data.assignee)} av ${entry.actor ?? 'någon'}` : `Uppgiften ${name} lämnades tillbaka till gruppen av ${entry.actor ?? 'någon'}`;
    case 'task.draft-saved': return `Ett utkast till uppgiften ${name} sparades`;
    case 'task.completed': return `Uppgiften ${name} slutfördes`;
    case 'loop.empty': return `Listan till ${name} var tom, så steget blev klart utan någon uppgift`;
    case 'timer.scheduled': return `Tidsfristen ${name} startade`;
    case 'timer.fired': return `Tidsfristen ${name} löpte ut`;
    case 'bevakning.sent': return `En bevakning skickades till ${String(data.group ?? '')}`;
    case 'bevakning.read': return `Bevakningen lästes (${String(data.group ?? '')})`;
    case 'message.received': return `Meddelandet ”${String(data.name ?? data.message ?? '')}” togs emot`;
    case 'decision.started': return `Ett nytt beslut från ${String(data.beslutsdatum ?? '')} ersatte det tidigare (ny beställning)`;
    case 'message.sent': return `${kind} ${name} skickade ett meddelande till ett annat ärende`;
    case 'call.started': return `${name} startade ett eget ärende (${String(data.processKey ?? '')}) och väntar på att det blir klart`;
    case 'call.completed': return `Ärendet som ${name} startade blev klart; ärendet gick vidare`;
    case 'call.cancelled': return `Ärendet som ${name} startade avslutades i förtid`;
    case 'call.error': return `Ärendet som ${name} startade slutade med felet ${String(data.code ?? '')}, som steget fångar`;
    case 'message.undelivered': return `Meddelandet från ${name} kunde inte lämnas till det andra ärendet: ${String(data.reason ?? '')}`;
  }
  if (entry.type.startsWith('case.')) return caseEvents[entry.type.slice(5)] ?? `Händelse i ärendet: ${entry.type.slice(5)}`;
  if (entry.type.startsWith('housing.')) return housingEvents[entry.type.slice(8)] ?? `Ändring i boenderegistret: ${entry.type.slice(8)}`;
  return `Händelse: ${entry.type}`;
}

/** The values that came with an entry: submitted form values, message variables, dates and reasons. */
export function entryDetails(entry: HistoryEntry): Detail[] {
  const data = entry.data ?? {};
  switch (entry.type) {
    case 'instance.started': return [...details({ businessKey: data.businessKey }), ...details(asRecord(data.variables))];
    case 'task.completed': return details(asRecord(data.values));
    case 'message.received': return details(asRecord(data.variables));
    case 'call.completed': return details(asRecord(data.variables));
    case 'call.started':
    case 'call.error': return [];
    case 'call.cancelled':
    case 'instance.cancelled': return details({ reason: data.reason });
    case 'incident.retried': return details(asRecord(data.variables));
    case 'incident.opened':
    case 'instance.revived': return details({ message: data.message });
    case 'incident.resolved': return [];
    case 'task.assigned': return details({ followUp: data.followUp });
    case 'message.sent':
    case 'message.undelivered':
    case 'decision.started': return [];
    case 'bevakning.sent': return details({ subject: data.subject });
    case 'timer.scheduled': return details({ dueAt: formatDateTime(data.dueAt) });
    case 'timer.fired': return details({ dueAt: formatDateTime(data.dueAt), missedPeriods: missedPeriods(data) });
    case 'activity.entered':
    case 'activity.left':
    case 'activity.cancelled':
    case 'bevakning.read':
    case 'instance.failed': return [];
  }
  // Housing events carry their record (a queue entry, an offer, …) one level down: its fields are shown beside the rest.
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === 'type') continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) Object.assign(flat, value);
    else flat[key] = value;
  }
  return details(flat);
}

/** Any value as text: dates and words as they are, yes/no for booleans, JSON for lists and records. */
/** A repeating timer that fired once for periods already past names them: "15 mar 2026 00:00, 15 jun 2026 00:00 …". */
function missedPeriods(data: Record<string, unknown>): string | undefined {
  if (!Array.isArray(data.missedPeriods)) return undefined;
  const named = data.missedPeriods.map(formatDateTime).join(', ');
  const count = typeof data.missedPeriodCount === 'number' ? data.missedPeriodCount : data.missedPeriods.length;
  return count > data.missedPeriods.length ? `${named} och ${count - data.missedPeriods.length} till` : named;
}

function details(values: Record<string, unknown>): Detail[] {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => ({ label: labels[key] ?? key, value: displayValue(value) }));
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
