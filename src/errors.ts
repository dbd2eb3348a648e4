// Every error code the application answers with, its HTTP status and its Swedish default message.

export const errorTable = {
  unauthorized: { status: 401, message: 'Du måste logga in.' },
  forbidden: { status: 403, message: 'Du har inte behörighet att göra detta.' },
  not_found: { status: 404, message: 'Det du söker finns inte.' },
  validation_failed: { status: 400, message: 'Uppgifterna är inte giltiga. Rätta de markerade fälten.' },
  bad_request: { status: 400, message: 'Begäran kunde inte tolkas.' },
  invalid_definition: { status: 400, message: 'Processdiagrammet kan inte driftsättas.' },
  conflict: { status: 409, message: 'Åtgärden krockar med ärendets nuvarande läge.' },
  task_closed: { status: 409, message: 'Uppgiften är redan slutförd eller finns inte längre.' },
  task_claimed: { status: 409, message: 'Uppgiften är redan tagen av någon annan.' },
  instance_not_running: { status: 409, message: 'Ärendet är inte längre aktivt.' },
  clock_not_manual: { status: 409, message: 'Klockan kan bara flyttas när servern körs med CLOCK=manual.' },
  payload_too_large: { status: 413, message: 'Filen är för stor.' },
  unsupported_media_type: { status: 415, message: 'Fel innehållstyp.' },
  rate_limited: { status: 429, message: 'För många försök. Vänta en stund och försök igen.' },
  internal: { status: 500, message: 'Ett oväntat fel inträffade. Försök igen eller kontakta förvaltningen.' },
} as const;

export type ErrorCode = keyof typeof errorTable;

export interface FieldError {
  field: string;
  message: string;
}

/** An expected failure with a code from the table; the web layer turns it into `{error, message, fields?}`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields?: FieldError[];

  constructor(code: ErrorCode, message?: string, fields?: FieldError[]) {
    super(message ?? errorTable[code].message);
    this.name = 'AppError';
    this.code = code;
    this.status = errorTable[code].status;
    if (fields) this.fields = fields;
  }
}

/** A problem found in a BPMN definition: names the file, the element and what is wrong. */
export interface DefinitionProblem {
  file: string;
  elementId: string | null;
  message: string;
}

/** Thrown at boot (stops the start) and on upload (answered 400) when a diagram breaks a convention. */
export class DefinitionError extends Error {
  readonly problems: DefinitionProblem[];

  constructor(problems: DefinitionProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'DefinitionError';
    this.problems = problems;
  }
}

export function formatProblem(p: DefinitionProblem): string {
  return `${p.file}${p.elementId ? ` <${p.elementId}>` : ''}: ${p.message}`;
}
