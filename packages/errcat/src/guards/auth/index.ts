/**
 * errcat/auth: the auth guard family — API keys, the Authorization header, bearer challenges,
 * scopes and roles, and the catalog's auth errors. This entry only re-exports.
 * @packageDocumentation
 */

export { type ApiKeyAuth, type ApiKeyAuthOptions, createApiKeyAuth, safeEqual } from './api-key.js';
export {
  type AuthErrorOptions,
  authUnavailable,
  forbidden,
  insufficientScope,
  invalidAuthRequest,
  invalidCredentials,
  invalidToken,
  tokenExpired,
  unauthenticated,
} from './auth-errors.js';
export { type AuthorizationResult, parseAuthorization } from './authorization-header.js';
export { type BearerChallenge, type BearerErrorCode, bearerChallenge } from './bearer-challenge.js';
export { readBearerToken } from './bearer-token.js';
export { grantedScopes, requireRoles, requireScopes } from './require-scopes.js';
