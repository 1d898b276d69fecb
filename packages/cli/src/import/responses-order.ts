/**
 * Orders error codes for a deterministic draft: numbers ascending, then strings by code point
 * (not by locale, which differs between machines).
 *
 * @example
 * ```ts
 * [{ code: 'b' }, { code: 404 }, { code: 'A' }].sort(byCode); // 404, 'A', 'b'
 * ```
 */
export function byCode(a: { readonly code: string | number }, b: { readonly code: string | number }): number {
  if (typeof a.code === 'number' && typeof b.code === 'number') return a.code - b.code;
  if (typeof a.code === 'number') return -1;
  if (typeof b.code === 'number') return 1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/**
 * The value that occurs most often; on a tie, the one that sorts first. `undefined` for none.
 *
 * @example
 * ```ts
 * mostCommon(['simple', 'problem', 'simple']); // 'simple'
 * mostCommon([404, 409]); // 404
 * ```
 */
export function mostCommon<T extends string | number>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]?.[0];
}
