const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

/**
 * True for a Content-Type that declares JSON: `application/json` or a `+json` suffix type
 * (`application/merge-patch+json`), with any parameters.
 *
 * @example
 * ```ts
 * isJsonMediaType('application/problem+json; charset=utf-8'); // true
 * ```
 */
export function isJsonMediaType(contentType: string | undefined): boolean {
  return contentType !== undefined && JSON_TYPE.test(contentType);
}
