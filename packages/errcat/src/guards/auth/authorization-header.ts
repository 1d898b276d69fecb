/**
 * Reading credentials from the `Authorization` header (RFC 9110 §11.6.2, RFC 6750 §2.1).
 */

/**
 * What an `Authorization` header holds, or why it holds nothing usable.
 *
 * @example
 * ```ts
 * const result: AuthorizationResult = parseAuthorization(request.headers.authorization);
 * if (result.kind === 'credentials' && result.scheme === 'bearer') await verify(result.credentials);
 * ```
 */
export type AuthorizationResult =
  | { readonly kind: 'credentials'; readonly scheme: string; readonly credentials: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'malformed' };

/** RFC 9110 `token`: the scheme name. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** RFC 6750 `b64token`: what a Bearer token may contain. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
/** Credentials longer than this are refused unread (a JWT is a few kilobytes at most). */
const MAX_CREDENTIALS = 16_384;

/**
 * Splits an `Authorization` header value into its scheme (lower-cased) and credentials. A header
 * that is absent or blank is `missing`; one with a scheme but no credentials, bad characters, or
 * more than one value is `malformed` (RFC 6750's `invalid_request`). It never throws.
 *
 * @example
 * ```ts
 * parseAuthorization('Bearer abc.def'); // { kind: 'credentials', scheme: 'bearer', credentials: 'abc.def' }
 * parseAuthorization(undefined); // { kind: 'missing' }
 * parseAuthorization('Bearer'); // { kind: 'malformed' }
 * ```
 */
export function parseAuthorization(
  value: string | readonly string[] | null | undefined,
): AuthorizationResult {
  if (Array.isArray(value)) {
    if (value.length > 1) return { kind: 'malformed' };
    return parseAuthorization(value[0]);
  }
  if (typeof value !== 'string' || value.trim() === '') return { kind: 'missing' };
  const text = value.trim();
  const space = text.indexOf(' ');
  const scheme = space === -1 ? text : text.slice(0, space);
  const credentials = space === -1 ? '' : text.slice(space + 1).trim();
  if (!TOKEN.test(scheme) || credentials === '' || credentials.length > MAX_CREDENTIALS) {
    return { kind: 'malformed' };
  }
  const lower = scheme.toLowerCase();
  if (lower === 'bearer' && !B64TOKEN.test(credentials)) return { kind: 'malformed' };
  return { kind: 'credentials', scheme: lower, credentials };
}
