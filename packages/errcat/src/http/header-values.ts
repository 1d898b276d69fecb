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
    return headerValue((headers as { get(name: string): unknown }).get(lower));
  }
  if (Symbol.iterator in headers) return pairValues(headers as Iterable<unknown>, lower);
  const record = headers as Readonly<Record<string, unknown>>;
  return Object.hasOwn(record, lower) ? headerValue(record[lower]) : undefined;
}

/**
 * A header's value as a container holds it: a string, a number as text, or the strings of an
 * array; `undefined` for anything else.
 *
 * @example
 * ```ts
 * headerValue(2); // '2'
 * headerValue(['a=1', 7, 'b=2']); // ['a=1', 'b=2']
 * ```
 */
export function headerValue(value: unknown): string | readonly string[] | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (!Array.isArray(value)) return undefined;
  // Node's arrays (`set-cookie`) hold strings only: they are handed over as they are.
  return value.every((item) => typeof item === 'string')
    ? (value as readonly string[])
    : value.filter((item): item is string => typeof item === 'string');
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
