// camunda:candidateUsers: a user task offered to named users, beside its roles or instead of them.
import { usernamePattern } from '../../auth/index.js';

/** The user names of `camunda:candidateUsers`, and what is wrong with any that is not a plain user name. */
export function readCandidateUsers(value: unknown): { users: string[]; problems: string[] } {
  const users: string[] = [];
  const problems: string[] = [];
  const names = typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];
  for (const name of names) {
    if (/[$#]\{/.test(name)) problems.push(`camunda:candidateUsers innehåller uttrycket "${name}", som inte räknas ut här: skriv användarnamnen, kommaseparerade, eller använd camunda:candidateGroups för en roll.`);
    else if (!usernamePattern.test(name)) problems.push(`"${name}" i camunda:candidateUsers är inte ett användarnamn (små bokstäver, siffror, punkt, bindestreck).`);
    else users.push(name);
  }
  return { users, problems };
}
