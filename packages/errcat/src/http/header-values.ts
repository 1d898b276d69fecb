import type { HeaderSource } from './read-header.js';

/**
 * Every value of one request header, from either header shape: a string, a list when a plain
 * header object holds repeats, or `undefined`. Guards that must tell a repeated credential from a
 * single one read headers this way rather than through `readHeader`, which keeps the first.
 *
 * @example
 * ```ts
 * headerValues({ authorization: ['Bearer a', 'Bearer b'] }, 'authorization'); // ['Bearer a', 'Bearer b']: refuse it
 * ```
 */
export function headerValues(
  headers: HeaderSource | undefined,
  name: string,
): string | readonly string[] | undefined {
  if (headers === undefined || headers === null) return undefined;
  const lower = name.toLowerCase();
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null | undefined }).get(lower) ?? undefined;
  }
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  return Object.hasOwn(record, lower) ? record[lower] : undefined;
}
