/**
 * What an RFC 6750 challenge says about a refused token: `error` (`invalid_token`,
 * `insufficient_scope`, `invalid_request`), `error_description` and `error_uri`.
 *
 * @example
 * ```ts
 * const said: BearerError = { error: 'invalid_token', description: 'The access token expired' };
 * ```
 */
export interface BearerError {
  readonly error?: string | undefined;
  readonly description?: string | undefined;
  readonly uri?: string | undefined;
}

/** Longer fields are not read: no real challenge is this long. */
const MAX_FIELD = 4096;
const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;

/**
 * Reads the auth-params of every challenge in a `WWW-Authenticate` field (RFC 9110 §11.6.1:
 * `scheme param=token, param="quoted \"string\""`, challenges separated by commas) and returns
 * the `error`, `error_description` and `error_uri` ones (RFC 6750 §3), first occurrence each.
 * Malformed parts are skipped; it never throws and reads each character once.
 *
 * @example
 * ```ts
 * bearerError('Bearer realm="api", error="invalid_token", error_description="expired"');
 * // { error: 'invalid_token', description: 'expired', uri: undefined }
 * ```
 */
export function bearerError(field: string | undefined): BearerError | undefined {
  if (field === undefined || field.length > MAX_FIELD || !/error/i.test(field)) return undefined;
  const found: Record<string, string> = {};
  let i = 0;
  while (i < field.length) {
    // A token: an auth-scheme, a param name or a token value.
    const start = i;
    while (i < field.length && TOKEN_CHAR.test(field[i] as string)) i++;
    const name = field.slice(start, i).toLowerCase();
    while (field[i] === ' ' || field[i] === '\t') i++;
    if (name === '' || field[i] !== '=') {
      if (i === start) i++; // a separator or a stray character
      continue;
    }
    i++;
    while (field[i] === ' ' || field[i] === '\t') i++;
    let value = '';
    if (field[i] === '"') {
      i++;
      while (i < field.length && field[i] !== '"') {
        if (field[i] === '\\') i++;
        value += field[i] ?? '';
        i++;
      }
      i++;
    } else {
      const valueStart = i;
      while (i < field.length && TOKEN_CHAR.test(field[i] as string)) i++;
      value = field.slice(valueStart, i);
    }
    if (found[name] === undefined && value !== '') found[name] = value;
  }
  if (found.error === undefined && found.error_description === undefined) return undefined;
  return { error: found.error, description: found.error_description, uri: found.error_uri };
}
