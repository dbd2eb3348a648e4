// A short notice carried in the session from a form post to the page it redirects to ("Uppgiften är slutförd.").
import '@fastify/secure-session';
import type { FastifyRequest } from 'fastify';

declare module '@fastify/secure-session' {
  interface SessionData {
    /** Shown once, on the page at `at`. */
    notice: { at: string; text: string };
  }
}

/** Leaves `text` for the page at path `at` (where the post redirects to). */
export function setNotice(request: FastifyRequest, at: string, text: string): void {
  request.session.set('notice', { at, text });
}

/**
 * The notice left for this page, or null. Whichever page is shown next takes it, so a notice never turns up later
 * on a page it was not meant for.
 */
export function takeNotice(request: FastifyRequest): string | null {
  const notice = request.session.get('notice');
  if (!notice) return null;
  request.session.set('notice', undefined);
  return notice.at === request.url.split('?')[0] ? notice.text : null;
}
