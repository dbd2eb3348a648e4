// Who someone is and what roles exist: the actor, the work roles and their lists, the users who sign in.
export type { Actor } from './actor.js';
export { accessLogReaders, decisionEventRecorders, gallringRunners, hasRole, housingPersonReaders, isReadOnly, isRole, ivoReportReaders, type Role, roleNames, statisticsReaders, statistikReaders, workRoles } from './roles.js';
export { chefRoles, inGroups, inUnit, isAdmin, type Notice, permissions, taskActions, type WorkItem } from './permissions.js';
export { createUserDirectory, type UserDirectory } from './users.js';
export { hashPassword, normalizeUsername } from './password.js';
export { maxSignInFailures, type SharedSignInFailures, type SignInFailure, signInWindowMs } from './sign-in-policy.js';
export { readUserFile, usernamePattern, usersFilePath, writeUserFile, type StoredUser } from './user-file.js';
export { connectOidc, OidcCallbackError, type OidcClaims, type OidcClient, type OidcFlow } from './oidc-client.js';
export { grantOf, loadOidcRoleMap, parseOidcRoleMap, type OidcGrant, type OidcRoleMap } from './oidc-role-map.js';
export { oidcUserFromClaims, type OidcRefusal } from './oidc-user-from-claims.js';
export { oidcUsersFilePath, withOidcUsers, type OidcUser, type OidcUserDirectory } from './oidc-users.js';
