import type { HeadersLike } from './headers-like.js';

/**
 * Every value of one request header, from any {@link HeadersLike}: a string, a list when the
 * headers hold repeats (a plain object's array, or several `[name, value]` pairs of that name), or
 * `undefined`. A `get` method gives what it gives (a Fetch `Headers` joins repeats itself); a
 * plain object is read by the lower-case name. Guards that must tell a repeated credential from a
 * single one read headers this way rather than through `readHeader`, which keeps the first.
 *
 * @example
 * ```ts
 * headerValues({ authorization: ['Bearer a', 'Bearer b'] }, 'authorization'); // ['Bearer a', 'Bearer b']: refuse it
 * headerValues([['Authorization', 'Bearer a']], 'authorization'); // 'Bearer a'
 * ```
 */
export function headerValues(
  headers: HeadersLike | undefined,
  name: string,
): string | readonly string[] | undefined {
  if (headers === undefined || headers === null || typeof headers !== 'object') return undefined;
  const lower = name.toLowerCase();
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null | undefined }).get(lower) ?? undefined;
  }
  if (Symbol.iterator in headers) return pairValues(headers as Iterable<unknown>, lower);
  const record = headers as Readonly<Record<string, string | readonly string[] | number | undefined>>;
  if (!Object.hasOwn(record, lower)) return undefined;
  const value = record[lower];
  return typeof value === 'number' ? String(value) : value;
}

/** The values of the pairs named `lower` (names compared in lower case), in their order. */
function pairValues(pairs: Iterable<unknown>, lower: string): string | readonly string[] | undefined {
  const values: string[] = [];
  for (const pair of pairs) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || pair[0].toLowerCase() !== lower) continue;
    const value: unknown = pair[1];
    if (typeof value === 'string') values.push(value);
    else if (typeof value === 'number') values.push(String(value));
  }
  return values.length > 1 ? values : values[0];
}
