/**
 * The `WWW-Authenticate` challenge of RFC 6750 (Bearer tokens), built so that no value can break
 * out of its quotes or inject a header line.
 */

/**
 * The error codes RFC 6750 §3.1 defines.
 *
 * @example
 * ```ts
 * const code: BearerErrorCode = 'insufficient_scope';
 * ```
 */
export type BearerErrorCode = 'invalid_request' | 'invalid_token' | 'insufficient_scope';

/**
 * The parameters of a Bearer challenge; all optional.
 *
 * @example
 * ```ts
 * bearerChallenge({ realm: 'api', error: 'insufficient_scope', scope: ['orders:write'] });
 * // Bearer realm="api", error="insufficient_scope", scope="orders:write"
 * ```
 */
export interface BearerChallenge {
  /** The protection space, such as `api.example.com`. @default none */
  readonly realm?: string | undefined;
  /** Why the request failed; leave it out when the request had no credentials at all. @default none */
  readonly error?: BearerErrorCode | undefined;
  /** A short human-readable reason (never a library message, never a claim value). @default none */
  readonly description?: string | undefined;
  /** The scopes the resource needs, as a list or a space-separated string. @default none */
  readonly scope?: string | readonly string[] | undefined;
}

/**
 * Keeps only the characters RFC 6750 allows inside a quoted value (%x20-21 / %x23-5B / %x5D-7E): no
 * double quote, no backslash, no control characters or non-ASCII. Long values are cut.
 */
function quotable(value: string, max = 200): string {
  return value.replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/g, '').slice(0, max);
}

/** A scope token allows no spaces either (%x21 / %x23-5B / %x5D-7E). */
function scopeTokens(scope: string | readonly string[]): string {
  const list = typeof scope === 'string' ? scope.split(' ') : scope;
  return list
    .map((token) => quotable(token, 100).replaceAll(' ', ''))
    .filter((token) => token !== '')
    .join(' ')
    .slice(0, 1000);
}

/**
 * Formats a Bearer challenge for `WWW-Authenticate`. Values are filtered to the characters RFC 6750
 * allows, so the result is always a safe header value whatever the input.
 *
 * @example
 * ```ts
 * bearerChallenge({ realm: 'api', error: 'insufficient_scope', scope: ['promises:write'] });
 * // 'Bearer realm="api", error="insufficient_scope", scope="promises:write"'
 * bearerChallenge({}); // 'Bearer'
 * ```
 */
export function bearerChallenge(challenge: BearerChallenge = {}): string {
  const params: string[] = [];
  if (challenge.realm !== undefined) params.push(`realm="${quotable(challenge.realm)}"`);
  if (challenge.error !== undefined) params.push(`error="${quotable(challenge.error)}"`);
  if (challenge.description !== undefined) {
    params.push(`error_description="${quotable(challenge.description)}"`);
  }
  if (challenge.scope !== undefined) {
    const scope = scopeTokens(challenge.scope);
    if (scope !== '') params.push(`scope="${scope}"`);
  }
  return params.length === 0 ? 'Bearer' : `Bearer ${params.join(', ')}`;
}
