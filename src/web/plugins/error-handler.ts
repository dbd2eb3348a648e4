// The one place where failures become answers: `{error, message, fields?}` with a Swedish message.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, DefinitionError, errorTable, type ErrorCode, type FieldError } from '../../errors.js';
import { sharedPlugin } from './shared-plugin.js';

/** The body of every 4xx/5xx answer (API.md, "Errors"). */
export interface ErrorBody {
  error: ErrorCode;
  message: string;
  fields?: FieldError[];
}

const codeByStatus: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

const staleFormMessage =
  'Formuläret hade blivit inaktuellt, till exempel för att du har loggat in på nytt i en annan flik. Gå tillbaka, ladda om sidan och skicka igen.';

/** Fastify's own 4xx errors, said in Swedish; the English originals never reach a client. */
const fastifyMessages: Partial<Record<string, string>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'Innehållet är inte giltig JSON.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Innehållet är tomt fast innehållstypen är application/json.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Content-Length stämmer inte med innehållet.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Fel innehållstyp. Skicka JSON (application/json).',
  FST_ERR_BAD_URL: 'Adressen kan inte tolkas.',
  // A page open since before a new sign-in (in another tab) posts a token of the old session: say that, not "no rights".
  FST_CSRF_INVALID_TOKEN: staleFormMessage,
  FST_CSRF_MISSING_SECRET: staleFormMessage,
};

/** Turns anything thrown into the status and body to answer with; only 4xx carry a specific message. */
export function toErrorReply(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) return reply(error.code, error.message, error.fields);
  if (error instanceof DefinitionError) {
    const fields = error.problems.map((p) => ({ field: p.elementId ?? p.file, message: p.message }));
    return reply('invalid_definition', errorTable.invalid_definition.message, fields);
  }
  const status = (error as Partial<FastifyError> | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = codeByStatus[status] ?? 'bad_request';
    const fastifyCode = (error as Partial<FastifyError>).code;
    const isJsonSyntax = error instanceof SyntaxError && code === 'bad_request';
    const message =
      (fastifyCode && fastifyMessages[fastifyCode]) ??
      (isJsonSyntax ? 'Innehållet är inte giltig JSON.' : errorTable[code].message);
    return reply(code, message);
  }
  return reply('internal', errorTable.internal.message);
}

function reply(code: ErrorCode, message: string, fields?: FieldError[]) {
  const body: ErrorBody = { error: code, message };
  if (fields && fields.length > 0) body.fields = fields;
  return { status: errorTable[code].status, body };
}

/** Installs the central error handler and the 404 answer for unknown routes. */
export const errorHandlerPlugin = sharedPlugin('error-handler', async (app) => {
  app.setErrorHandler((error, request, replyTo) => {
    const { status, body } = toErrorReply(error);
    if (status >= 500) request.log.error({ err: error }, 'oväntat fel');
    else request.log.info({ error: body.error, statusCode: status }, 'begäran avvisad');
    if (isPage(request)) return errorPage(replyTo, status, body);
    return replyTo.code(status).send(body);
  });
  app.setNotFoundHandler((request, replyTo) => {
    const { body } = toErrorReply(new AppError('not_found'));
    if (isPage(request)) return errorPage(replyTo, 404, body);
    return replyTo.code(404).send(body);
  });
});

const pageHeadings: Partial<Record<number, string>> = {
  401: 'Du är inte inloggad',
  403: 'Du har inte behörighet',
  404: 'Sidan finns inte',
  409: 'Det gick inte att genomföra',
  429: 'För många försök',
};

/** People using the pages get a page, scripts using /api get JSON. */
function isPage(request: FastifyRequest): boolean {
  return !request.url.startsWith('/api') && typeof (request.server as { view?: unknown }).view === 'function';
}

function errorPage(reply: FastifyReply, status: number, body: ErrorBody) {
  const heading = body.message === staleFormMessage ? 'Formuläret kunde inte skickas' : (pageHeadings[status] ?? (status >= 500 ? 'Något gick fel' : 'Det gick inte'));
  if (reply.request.actor) return reply.page('errors/error.hbs', { title: heading, heading, message: body.message }, status);
  return reply.code(status).view('errors/error.hbs', { title: heading, heading, message: body.message, user: null, navigation: [] });
}
