/** The rate-limit fields that are structured-field lists: one member per policy counted. */
const LIST_FIELDS: ReadonlySet<string> = new Set(['ratelimit', 'ratelimit-policy']);

/**
 * The value of a rate-limit header when a guard sets `value` on a response that may carry the
 * field already (`existing`, from another guard on the way of the request: the app's, a route
 * group's). The list fields (`RateLimit`, `RateLimit-Policy`) are joined, the outer guard's
 * members first: `place` says whether `value` comes `'after'` the existing members (this guard
 * runs inside the one that set them, as `errcat/node`'s guards do before the handler) or
 * `'before'` them (this guard runs outside, setting its headers once the inner chain returned, as
 * Hono's middleware does). Any other field is `value`.
 *
 * @example
 * ```ts
 * // node:http: an outer guard set its fields already
 * const prior = response.getHeader(name);
 * response.setHeader(name, mergeRateLimitField(name, value, typeof prior === 'string' ? prior : undefined, 'after'));
 * // Hono: the inner guards set theirs on c.res already
 * c.header(name, mergeRateLimitField(name, value, c.res.headers.get(name), 'before'));
 * ```
 */
export function mergeRateLimitField(
  name: string,
  value: string,
  existing: string | null | undefined,
  place: 'after' | 'before',
): string {
  if (existing === null || existing === undefined || !LIST_FIELDS.has(name)) return value;
  return place === 'after' ? `${existing}, ${value}` : `${value}, ${existing}`;
}
