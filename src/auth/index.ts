// Who someone is and what roles exist: the actor, the work roles and their lists, the users who sign in.
export type { Actor } from './actor.js';
export { accessLogReaders, decisionEventRecorders, hasRole, isReadOnly, isRole, ivoReportReaders, type Role, roleNames, statisticsReaders, statistikReaders, workRoles } from './roles.js';
export { createUserDirectory, type UserDirectory } from './users.js';
export { hashPassword, normalizeUsername } from './password.js';
export { readUserFile, usernamePattern, usersFilePath, writeUserFile, type StoredUser } from './user-file.js';
