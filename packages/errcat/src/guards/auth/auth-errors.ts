import type { CatalogError } from '../../catalog-error.js';
import type { CatalogSpec } from '../../catalog-spec.js';
import type { CatalogMethods } from '../../catalog-types.js';
import { roleError } from '../../role-error.js';
import { type BearerChallenge, bearerChallenge } from './bearer-challenge.js';

/**
 * Options every auth error factory takes.
 *
 * @example
 * ```ts
 * throw tokenExpired({ catalog, realm: 'api.example.com', cause: joseError });
 * ```
 */
export interface AuthErrorOptions {
  /** The catalog whose role entries to raise. @default errcat's base catalog */
  readonly catalog?: CatalogMethods<CatalogSpec> | undefined;
  /** The Bearer `realm` named in `WWW-Authenticate`. @default none */
  readonly realm?: string | undefined;
  /**
   * The whole `WWW-Authenticate` value to send instead of a Bearer challenge, for schemes such as
   * API keys. @default a Bearer challenge (none for `INVALID_CREDENTIALS`)
   */
  readonly challenge?: string | undefined;
  /**
   * The underlying failure: logged, never rendered. Never pass a library error that holds the
   * token or its claims. @default none
   */
  readonly cause?: unknown;
}

function challenged(
  role: 'UNAUTHENTICATED' | 'INVALID_AUTH_REQUEST' | 'INVALID_TOKEN' | 'TOKEN_EXPIRED' | 'INSUFFICIENT_SCOPE',
  params: BearerChallenge,
  options: AuthErrorOptions,
  details: Readonly<Record<string, unknown>> = {},
): CatalogError {
  const value = options.challenge ?? bearerChallenge({ realm: options.realm, ...params });
  return roleError(options.catalog, role, details, {
    headers: { 'www-authenticate': value },
    cause: options.cause,
  });
}

/**
 * 401 for a request without credentials: `WWW-Authenticate: Bearer realm="…"` and, as RFC 6750
 * §3.1 asks, no error code.
 *
 * @example
 * ```ts
 * throw unauthenticated({ catalog, realm: 'api' });
 * ```
 */
export function unauthenticated(options: AuthErrorOptions = {}): CatalogError {
  return challenged('UNAUTHENTICATED', {}, options);
}

/**
 * 400 for a malformed `Authorization` header or credentials sent more than once
 * (`error="invalid_request"`).
 *
 * @example
 * ```ts
 * throw invalidAuthRequest({ realm: 'api' });
 * ```
 */
export function invalidAuthRequest(options: AuthErrorOptions = {}): CatalogError {
  return challenged('INVALID_AUTH_REQUEST', { error: 'invalid_request' }, options);
}

/**
 * 401 for a token that is malformed, forged, for another audience or issuer, or not yet valid
 * (`error="invalid_token"`). The description is generic: which check failed is logged, not sent.
 *
 * @example
 * ```ts
 * throw invalidToken({ realm: 'api' });
 * ```
 */
export function invalidToken(options: AuthErrorOptions = {}): CatalogError {
  return challenged(
    'INVALID_TOKEN',
    { error: 'invalid_token', description: 'The access token is invalid' },
    options,
  );
}

/**
 * 401 for a token whose signature verified but whose `exp` has passed (`error="invalid_token"`,
 * `error_description="The access token expired"`).
 *
 * @example
 * ```ts
 * throw tokenExpired({ realm: 'api' });
 * ```
 */
export function tokenExpired(options: AuthErrorOptions = {}): CatalogError {
  return challenged(
    'TOKEN_EXPIRED',
    { error: 'invalid_token', description: 'The access token expired' },
    options,
  );
}

/**
 * 403 for a valid token that lacks scopes: `details.missing` lists them and the challenge names
 * every scope the operation needs (`error="insufficient_scope", scope="…"`).
 *
 * @example
 * ```ts
 * throw insufficientScope(['promises:read', 'promises:write'], ['promises:write'], { realm: 'api' });
 * ```
 */
export function insufficientScope(
  required: readonly string[],
  missing: readonly string[],
  options: AuthErrorOptions = {},
): CatalogError {
  return challenged('INSUFFICIENT_SCOPE', { error: 'insufficient_scope', scope: required }, options, {
    missing: [...missing],
  });
}

/**
 * 401 for wrong credentials that are not a Bearer token: a password, an API key. Sends the
 * `challenge` option as `WWW-Authenticate` when given.
 *
 * @example
 * ```ts
 * throw invalidCredentials({ challenge: 'ApiKey header="x-api-key"' });
 * ```
 */
export function invalidCredentials(options: AuthErrorOptions = {}): CatalogError {
  const challenge = options.challenge;
  return roleError(
    options.catalog,
    'INVALID_CREDENTIALS',
    {},
    challenge === undefined
      ? { cause: options.cause }
      : { headers: { 'www-authenticate': challenge }, cause: options.cause },
  );
}

/**
 * 403 for an authenticated caller without the role or permission; `details.missing` names what
 * is lacking when the check knows it.
 *
 * @example
 * ```ts
 * throw forbidden(['admin'], { catalog });
 * ```
 */
export function forbidden(missing?: readonly string[], options: AuthErrorOptions = {}): CatalogError {
  const details = missing === undefined ? {} : { missing: [...missing] };
  return roleError(options.catalog, 'FORBIDDEN', details, { cause: options.cause });
}

/**
 * 503 when credentials cannot be checked because a dependency failed (the JWKS endpoint timed out
 * or answered garbage): the server's fault, retryable, and the request was not processed.
 *
 * @example
 * ```ts
 * throw authUnavailable({ cause: fetchError });
 * ```
 */
export function authUnavailable(options: AuthErrorOptions = {}): CatalogError {
  return roleError(options.catalog, 'AUTH_UNAVAILABLE', {}, { cause: options.cause });
}
