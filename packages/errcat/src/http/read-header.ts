import { headerValues } from './header-values.js';
import type { HeadersLike } from './headers-like.js';

/**
 * Reads one request header, case-insensitively, from any {@link HeadersLike} (a plain object by
 * its lower-case name, as Node and the frameworks hold request headers); a repeated header gives
 * its first value.
 *
 * @example
 * ```ts
 * readHeader({ 'x-request-id': 'abc' }, 'X-Request-Id'); // 'abc'
 * readHeader(new Headers({ accept: 'application/json' }), 'accept'); // 'application/json'
 * readHeader([['Accept', 'text/html'], ['accept', 'application/json']], 'accept'); // 'text/html'
 * ```
 */
export function readHeader(headers: HeadersLike | undefined, name: string): string | undefined {
  const value = headerValues(headers, name);
  return typeof value === 'string' ? value : value?.[0];
}
