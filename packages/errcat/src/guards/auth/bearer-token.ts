import { headerValues } from '../../http/header-values.js';
import type { HeadersLike } from '../../http/headers-like.js';
import { type AuthErrorOptions, invalidAuthRequest, unauthenticated } from './auth-errors.js';
import { parseAuthorization } from './authorization-header.js';

/**
 * Reads the Bearer token from a request's headers, or throws the RFC 6750 error: 401
 * `UNAUTHENTICATED` (no error code) when there is no Authorization header or it uses another
 * scheme, 400 `INVALID_AUTH_REQUEST` when it is malformed or repeated.
 *
 * @example
 * ```ts
 * const token = readBearerToken(req.headers, { catalog, realm: 'api' });
 * ```
 */
export function readBearerToken(headers: HeadersLike | undefined, options: AuthErrorOptions = {}): string {
  const parsed = parseAuthorization(headerValues(headers, 'authorization'));
  if (parsed.kind === 'malformed') throw invalidAuthRequest(options);
  if (parsed.kind === 'missing' || parsed.scheme !== 'bearer') throw unauthenticated(options);
  return parsed.credentials;
}
