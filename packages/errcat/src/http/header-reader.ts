import type { HeadersLike } from './headers-like.js';

/**
 * Reads one header by name (any case); `undefined` when absent.
 *
 * @example
 * ```ts
 * const read: HeaderReader = headerReader(response.headers);
 * read('Retry-After'); // '2'
 * ```
 */
export type HeaderReader = (name: string) => string | undefined;

const NO_HEADERS: HeaderReader = () => undefined;

function joined(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.filter((item) => typeof item === 'string').join(', ');
  return undefined;
}

/**
 * A case-insensitive reader over any header container: a fetch `Headers`, anything with a `get`
 * method (axios' `AxiosHeaders`), Node's plain header object, or `[name, value]` pairs.
 *
 * @example
 * ```ts
 * headerReader({ 'Retry-After': '2' })('retry-after'); // '2'
 * ```
 */
export function headerReader(headers: HeadersLike | undefined): HeaderReader {
  if (headers === undefined || headers === null || typeof headers !== 'object') return NO_HEADERS;
  const getter = (headers as { get?: unknown }).get;
  if (typeof getter === 'function') {
    return (name) => joined(getter.call(headers, name)) ?? undefined;
  }
  if (!(Symbol.iterator in headers)) return plainReader(headers as Record<string, unknown>);
  const byName = new Map<string, string>();
  for (const pair of headers as Iterable<unknown>) {
    if (Array.isArray(pair)) addHeader(byName, pair[0], pair[1]);
  }
  return (name) => byName.get(name.toLowerCase());
}

function addHeader(byName: Map<string, string>, name: unknown, value: unknown): void {
  const text = joined(value);
  if (typeof name === 'string' && text !== undefined) byName.set(name.toLowerCase(), text);
}

/**
 * A reader over a plain object. Node's headers are lower-case already: they are read in place,
 * and only an object with other names is copied into a map first.
 */
function plainReader(headers: Record<string, unknown>): HeaderReader {
  const names = Object.keys(headers);
  if (names.every((name) => name === name.toLowerCase())) {
    return (name) => {
      const lower = name.toLowerCase();
      return Object.hasOwn(headers, lower) ? joined(headers[lower]) : undefined;
    };
  }
  const byName = new Map<string, string>();
  for (const name of names) addHeader(byName, name, headers[name]);
  return (name) => byName.get(name.toLowerCase());
}
