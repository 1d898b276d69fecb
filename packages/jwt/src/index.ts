/**
 * `@errcat/jwt`: Bearer-token authentication with jose, every failure a catalog error with the
 * right `WWW-Authenticate` challenge. This entry only re-exports.
 * @packageDocumentation
 */

export { createJwtAuth, type JwksOptions, type JwtAuth, type JwtAuthOptions } from './jwt-auth.js';
