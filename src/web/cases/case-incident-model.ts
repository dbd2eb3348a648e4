// The incidents on the case page: a banner per stopped step with what went wrong, and the form that retries it with
// the variables the step reads, corrected.
import type { FieldError } from '../../errors.js';
import type { RuntimeApi } from '../../runtime/index.js';
import type { Actor } from '../../auth/index.js';
import { displayValue } from '../shared/display-value.js';

/** What was posted to one incident's form and what was wrong, to show it again. */
export interface IncidentFormState {
  incidentId: string;
  values: Record<string, string>;
  errors: FieldError[];
}

export function caseIncidentsModel(runtime: RuntimeApi, instanceId: string, actor: Actor, form?: IncidentFormState) {
  return runtime.incidentForms(instanceId, actor).map((incident) => {
    const own = form?.incidentId === incident.id ? form : undefined;
    return {
      ...incident,
      action: `/cases/${encodeURIComponent(instanceId)}/incidents/${encodeURIComponent(incident.id)}/retry`,
      error: own?.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join(' ') || null,
      fields: incident.variables.map(({ name, value }) => ({ name, value: own?.values[name] ?? (value === null || value === undefined ? '' : typeof value === 'object' ? displayValue(value) : String(value)) })),
    };
  });
}

/**
 * The posted form as variables, each typed like the value `offered` holds now (a number stays a number, yes/no a
 * boolean; a value nobody gave is read as text); a field left as it was, or not offered, is not sent. Null when a value cannot be read as its type, with the field named.
 */
export function retryVariables(current: Record<string, unknown>, posted: Record<string, string>): { variables: Record<string, unknown> } | { errors: FieldError[] } {
  const variables: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [name, text] of Object.entries(posted)) {
    if (!(name in current)) continue;
    const was = current[name];
    if (text === (was === null || was === undefined ? '' : String(was))) continue;
    if (typeof was === 'number') {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) errors.push({ field: name, message: 'Ange ett tal.' });
      else variables[name] = n;
    } else if (typeof was === 'boolean') {
      if (text !== 'true' && text !== 'false') errors.push({ field: name, message: 'Ange true eller false.' });
      else variables[name] = text === 'true';
    } else variables[name] = text;
  }
  return errors.length ? { errors } : { variables };
}
