/** Hosts whose pages describe HTTP itself: a problem `type` there names a status, not an error. */
const HTTP_SPEC_URI =
  /^https?:\/\/(?:(?:www\.)?(?:tools\.ietf\.org|datatracker\.ietf\.org|rfc-editor\.org|httpwg\.org|httpstatuses\.(?:com|io)|http\.cat)\/|developer\.mozilla\.org\/[^?#]*\/http\/status\b)/i;

/**
 * Whether a problem `type` URI only points at the HTTP specification (ASP.NET Core's
 * `https://tools.ietf.org/html/rfc9110#section-15.5.5`, an MDN status page): it names the
 * status, not an error of the API.
 *
 * @example
 * ```ts
 * pointsAtHttpSpec('https://tools.ietf.org/html/rfc9110#section-15.5.5'); // true
 * pointsAtHttpSpec('https://example.com/probs/out-of-credit'); // false
 * ```
 */
export function pointsAtHttpSpec(uri: string): boolean {
  return HTTP_SPEC_URI.test(uri);
}
