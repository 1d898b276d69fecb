import { type AuthErrorOptions, forbidden, insufficientScope } from './auth-errors.js';

/**
 * The scopes a set of token claims grants: the space-separated `scope` claim of RFC 8693/9068, or
 * an array (`scp`, as some issuers send). Anything else grants nothing.
 *
 * @example
 * ```ts
 * grantedScopes({ scope: 'promises:read promises:write' }); // ['promises:read', 'promises:write']
 * grantedScopes({ scp: ['a', 'b'] }, 'scp'); // ['a', 'b']
 * ```
 */
export function grantedScopes(claims: Readonly<Record<string, unknown>>, claim = 'scope'): string[] {
  const value = Object.hasOwn(claims, claim) ? claims[claim] : undefined;
  if (typeof value === 'string') return value.split(' ').filter((scope) => scope !== '');
  if (Array.isArray(value)) return value.filter((scope): scope is string => typeof scope === 'string');
  return [];
}

function missingFrom(granted: readonly string[], required: readonly string[]): string[] {
  const have = new Set(granted);
  return required.filter((item) => !have.has(item));
}

/**
 * Throws 403 `INSUFFICIENT_SCOPE` unless every required scope is granted; the error lists the
 * missing ones in `details.missing` and every required one in the `WWW-Authenticate` challenge.
 *
 * @example
 * ```ts
 * requireScopes(grantedScopes(claims), ['promises:write'], { catalog, realm: 'api' });
 * ```
 */
export function requireScopes(
  granted: readonly string[],
  required: readonly string[],
  options: AuthErrorOptions = {},
): void {
  const missing = missingFrom(granted, required);
  if (missing.length > 0) throw insufficientScope(required, missing, options);
}

/**
 * Throws 403 `FORBIDDEN` unless the caller has every required role (or, with `any: true`, at
 * least one); `details.missing` names the roles lacking.
 *
 * @example
 * ```ts
 * requireRoles(claims.roles as string[], ['admin'], { catalog });
 * ```
 */
export function requireRoles(
  granted: readonly string[],
  required: readonly string[],
  options: AuthErrorOptions & {
    /** One of the roles is enough. @default false */
    readonly any?: boolean;
  } = {},
): void {
  const missing = missingFrom(granted, required);
  const enough =
    options.any === true ? missing.length < required.length || required.length === 0 : missing.length === 0;
  if (!enough) throw forbidden(missing, options);
}
