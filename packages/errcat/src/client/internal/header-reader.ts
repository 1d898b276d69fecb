import type { HeadersLike } from '../headers-like.js';

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
  const byName = new Map<string, string>();
  const add = (name: unknown, value: unknown) => {
    const text = joined(value);
    if (typeof name === 'string' && text !== undefined) byName.set(name.toLowerCase(), text);
  };
  if (Symbol.iterator in headers) {
    for (const pair of headers as Iterable<unknown>) {
      if (Array.isArray(pair)) add(pair[0], pair[1]);
    }
  } else {
    for (const name of Object.keys(headers)) add(name, (headers as Record<string, unknown>)[name]);
  }
  return (name) => byName.get(name);
}
