// Element templates (the Camunda 7 element-template format) generated from the handler registry, so an analyst picks
// "Skicka bevakning" and fills in labelled fields instead of typing ${environment.services.sendBevakning}.
import { z } from 'zod';
import type { ServiceHandler } from '../handlers/index.js';

export interface TemplateProperty {
  label: string;
  type: 'Hidden' | 'String';
  value?: string;
  description?: string;
  /** Values the handler accepts as fixed text; FEEL starting with = is allowed as well. */
  choices?: { name: string; value: string }[];
  binding: { type: 'property'; name: 'implementation' } | { type: 'camunda:property'; name: string };
  constraints?: { notEmpty: true };
}

export interface ElementTemplate {
  $schema: string;
  id: string;
  name: string;
  version: 1;
  appliesTo: ['bpmn:ServiceTask', 'bpmn:SendTask'];
  properties: TemplateProperty[];
}

/** Swedish labels for the handlers' input names (shared between handlers); an unknown name shows as itself. */
const propertyLabels: Record<string, string> = {
  group: 'Mottagande roll',
  subject: 'Rubrik',
  body: 'Meddelande',
  event: 'Ärendehändelse',
  date: 'Datum',
  reason: 'Orsak',
  from: 'Räkna från datum',
  workingDays: 'Antal arbetsdagar',
  calendarDays: 'Antal kalenderdagar',
  months: 'Antal månader',
  variable: 'Spara resultatet i variabeln',
  applicant: 'Sökande',
  insats: 'Insats',
  decisionDate: 'Beslutsdatum',
  needs: 'Behov',
  wishedUnitId: 'Önskat boende (id)',
  atKorttidsboende: 'Bor på korttidsboende (true/false)',
  queueEntryId: 'Köplats (id)',
  apartmentId: 'Lägenhet (id)',
  readyDate: 'Klar för uthyrning',
  offerDate: 'Erbjudandedatum',
  offerId: 'Erbjudande (id)',
  answer: 'Svar',
  moveInDate: 'Inflyttningsdatum',
  currentUnitId: 'Nuvarande boende (id)',
  waitlistEntryId: 'Plats i byteskön (id)',
  unit: 'Enhet som får den (en utförare eller ett boende; tomt: hela rollen)',
};

const valueHint = 'Fast text, eller FEEL som börjar med = och läser ärendets variabler (t.ex. =beslutsdatum).';

type JsonSchemaObject = { properties?: Record<string, { enum?: unknown[] }>; required?: string[] };

/** One template per handler, its fields read from the handler's input schema. */
export function elementTemplates(handlers: readonly ServiceHandler<unknown>[]): ElementTemplate[] {
  return handlers.map((handler) => {
    const schema = z.toJSONSchema(handler.input, { io: 'input', unrepresentable: 'any' }) as JsonSchemaObject;
    const required = new Set(schema.required ?? []);
    const inputs = Object.entries(schema.properties ?? {}).map(([name, property]): TemplateProperty => {
      const choices = property.enum?.filter((v): v is string => typeof v === 'string').map((v) => ({ name: v, value: v }));
      return {
        label: propertyLabels[name] ?? name,
        type: 'String',
        description: valueHint,
        ...(choices ? { choices } : {}),
        binding: { type: 'camunda:property', name },
        ...(required.has(name) ? { constraints: { notEmpty: true } as const } : {}),
      };
    });
    return {
      $schema: 'https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json',
      id: `boendekoordination.${handler.name}`,
      name: handler.title,
      version: 1,
      appliesTo: ['bpmn:ServiceTask', 'bpmn:SendTask'],
      properties: [
        { label: 'Hanterare', type: 'Hidden', value: `\${environment.services.${handler.name}}`, binding: { type: 'property', name: 'implementation' } },
        ...inputs,
      ],
    };
  });
}
