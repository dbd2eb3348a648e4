// The role ids of API.md: BPMN candidate groups use them, users hold them.
import type { Actor } from './actor.js';

/** Roles that take part in the routines (`camunda:candidateGroups`). */
export const workRoles = [
  'lss-handlaggare',
  'samordnare-externa',
  'arbetsterapeut',
  'boendeteam-chef',
  'boendeformedling',
  'enhetschef',
  'myndighetschef',
  'verksamhetschef',
  'avgiftshandlaggare',
  'boendesamordnare',
  'bistandshandlaggare',
  'utforare',
  'ivo-rapportor',
] as const;

/** System roles: edit and deploy diagrams, read everything, do anything. */
export const systemRoles = ['processagare', 'revisor', 'admin'] as const;

export const allRoles = [...workRoles, ...systemRoles] as const;

export type WorkRole = (typeof workRoles)[number];
export type Role = (typeof allRoles)[number];

export function isWorkRole(value: string): value is WorkRole {
  return (workRoles as readonly string[]).includes(value);
}

export function isRole(value: string): value is Role {
  return (allRoles as readonly string[]).includes(value);
}

/** What each role is called in the editor and on the pages. */
export const roleNames: Record<Role, string> = {
  'lss-handlaggare': 'LSS-handläggare',
  'samordnare-externa': 'Samordnare externa placeringar',
  arbetsterapeut: 'Arbetsterapeut',
  'boendeteam-chef': 'Chef för boendeteamet',
  boendeformedling: 'Boendeförmedlingen',
  enhetschef: 'Enhetschef',
  myndighetschef: 'Myndighetschef',
  verksamhetschef: 'Verksamhetschef',
  avgiftshandlaggare: 'Avgiftshandläggare',
  boendesamordnare: 'Boendesamordnare',
  bistandshandlaggare: 'Biståndshandläggare',
  utforare: 'Utförare',
  'ivo-rapportor': 'IVO-rapportör',
  processagare: 'Processägare',
  revisor: 'Revisor',
  admin: 'Administratör',
};

// Who may open the restricted pages. Each list is checked with `hasRole`, so admin may always; the menu and the
// routes read the same list, so a link is shown exactly when its page would open.

/** Roles that may read the IVO report, as a page and through the API. */
export const ivoReportReaders = ['ivo-rapportor', 'revisor'] as const satisfies readonly Role[];

/** Roles that may read the de-identified quarterly statistics (SoL 16 kap. 6 h §, LSS 28 h §), page and API. */
export const statistikReaders = ['revisor', 'ivo-rapportor'] as const satisfies readonly Role[];

/** Roles that may read the waiting-time statistics: the steering group and the auditor. */
export const statisticsReaders = ['boendeteam-chef', 'myndighetschef', 'verksamhetschef', 'enhetschef', 'revisor'] as const satisfies readonly Role[];

/** Roles that may read the access log of case reads: the auditor. */
export const accessLogReaders = ['revisor'] as const satisfies readonly Role[];

/** Roles that may preview and run gallring besides admin: none (it removes personal data for good). */
export const gallringRunners = [] as const satisfies readonly Role[];

/**
 * Roles that may see the persons in the housing register (OSL 26 kap., need to know): the queue, the waitlist and who
 * an offer went to. They are the roles that run the housing steps of the routines (queue, reserve, offer, book, move
 * in, change of housing) and their chiefs, and the auditor. Units and apartments stay open to every signed-in user.
 * Not narrowed by unit: an enhetschef with `units` still sees the whole queue.
 */
export const housingPersonReaders = [
  'boendesamordnare',
  'boendeformedling',
  'bistandshandlaggare',
  'lss-handlaggare',
  'arbetsterapeut',
  'samordnare-externa',
  'enhetschef',
  'boendeteam-chef',
  'myndighetschef',
  'verksamhetschef',
  'revisor',
] as const satisfies readonly Role[];

/** True when the actor holds one of the roles; `admin` holds them all. */
export function hasRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.includes('admin') || roles.some((role) => actor.roles.includes(role));
}

/** The auditor reads everything and changes nothing: an actor who holds no role but `revisor`. */
export function isReadOnly(actor: Actor): boolean {
  return actor.roles.every((r) => r === 'revisor');
}

/** Roles that may record an interruption, a resumption, a reason for delay or a closing on a decision. */
export const decisionEventRecorders = ['lss-handlaggare', 'bistandshandlaggare', 'samordnare-externa', 'boendesamordnare', 'enhetschef', 'utforare'] as const satisfies readonly Role[];
