// A BPMN diagram sent as the request body (POST /api/processes, the editor's check and publish): only XML content
// types are read, as text, up to the upload cap; anything else or an empty body is refused before the diagram is read.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';

/** Lets the routes of this (encapsulated) context take application/xml or text/xml bodies of at most `maxBytes`. */
export function acceptBpmnXml(app: FastifyInstance, maxBytes: number): void {
  app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string', bodyLimit: maxBytes }, (_request, body, done) => done(null, body));
}

/** The diagram's text; 415 when the body was not XML, 400 when it is empty. */
export function bpmnXmlBody(body: unknown): string {
  if (typeof body !== 'string') throw new AppError('unsupported_media_type', 'Skicka diagrammet som application/xml.');
  if (body.trim() === '') throw new AppError('bad_request', 'Inget diagram skickades.');
  return body;
}
