// What the diagram editor offers to choose from (roles, form field types, timer kinds, service-task templates, business errors)
// and what it must not offer (the element types the checks refuse).
import { roleNames, workRoles } from '../auth/index.js';
import { refusedElementTypes } from '../engine/index.js';
import { formFieldTypes } from '../forms/index.js';
import { businessErrors, type ServiceHandler } from '../handlers/index.js';
import { type TimerKind, timerKindNames, timerKinds } from '../timers/index.js';
import { type ElementTemplate, elementTemplates } from './element-templates.js';

export interface EditorCatalogue {
  roles: { id: string; name: string }[];
  formFieldTypes: { id: string; name: string }[];
  /** The timer kinds the engine runs, in the order the panel offers them; the first is a new timer's kind. */
  timerKinds: { id: TimerKind; name: string }[];
  templates: ElementTemplate[];
  /** The errors service tasks can raise, for error boundary events. */
  businessErrors: { code: string; name: string }[];
  /** Element types the checks refuse, with the reason; the panel says it at once instead of offering fields. */
  refusedTypes: Readonly<Record<string, string>>;
}

const fieldTypeNames: Record<(typeof formFieldTypes)[number], string> = {
  string: 'Text (en rad)',
  text: 'Text (flera rader)',
  long: 'Heltal',
  boolean: 'Ja/nej',
  date: 'Datum',
  enum: 'Val från lista',
  apartment: 'Lägenhet (en ledig, väljs ur boenderegistret)',
  queueEntry: 'Sökande i kön (väljs ur boenderegistrets kö)',
  user: 'Användare med en roll (väljs ur användarna; rollen anges i egenskapen role)',
  unit: 'Boende (väljs ur boenderegistret)',
  offer: 'Erbjudande (väljs ur boenderegistret)',
  personnummer: 'Personnummer eller samordningsnummer (kontrollsiffran prövas)',
};

/** Only the roles that take part in the routines can be candidate groups; the system roles never get tasks. */
export function editorCatalogue(handlers: readonly ServiceHandler<unknown>[]): EditorCatalogue {
  return {
    roles: workRoles.map((id) => ({ id, name: roleNames[id] })),
    formFieldTypes: formFieldTypes.map((id) => ({ id, name: fieldTypeNames[id] })),
    timerKinds: timerKinds.map((id) => ({ id, name: timerKindNames[id].label })),
    templates: elementTemplates(handlers),
    businessErrors: Object.entries(businessErrors).map(([code, name]) => ({ code, name })),
    refusedTypes: refusedElementTypes,
  };
}
