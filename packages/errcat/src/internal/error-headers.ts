import type { CatalogEntry } from '../catalog-entry.js';
import { isSafeHeader } from './header-safety.js';

/**
 * What {@link addErrorHeaders} reads from an error: its entry, delay and extra headers. A shape
 * rather than `CatalogError` itself, so `catalog-error.ts` can use this file without a cycle.
 *
 * @example
 * ```ts
 * const source: ErrorHeaderSource = catalog.RATE_LIMITED({ retryAfter: 30 });
 * ```
 */
export interface ErrorHeaderSource {
  readonly entry: CatalogEntry;
  readonly retryAfter: number | undefined;
  readonly extraHeaders: Readonly<Record<string, string>> | undefined;
}

/** An entry's headers with lower-case names and unsafe fields dropped, worked out once per entry. */
const entryHeaderCache = new WeakMap<CatalogEntry, readonly (readonly [string, string])[]>();

function entryHeaders(entry: CatalogEntry): readonly (readonly [string, string])[] {
  let headers = entryHeaderCache.get(entry);
  if (headers === undefined) {
    headers = Object.entries(entry.headers)
      .map(([name, value]) => [name.toLowerCase(), value] as const)
      .filter(([name, value]) => isSafeHeader(name, value));
    entryHeaderCache.set(entry, headers);
  }
  return headers;
}

/**
 * Adds the headers an error asks for to `headers`: its entry's (`WWW-Authenticate`…), `Retry-After`
 * when it has a delay, and the extra headers it was made with. Names become lower case, and a field
 * that could split the response (CR, LF, a bad name) is dropped rather than sent.
 *
 * @example
 * ```ts
 * const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
 * addErrorHeaders(headers, catalog.RATE_LIMITED({ retryAfter: 30 }));
 * headers['retry-after']; // '30'
 * ```
 */
export function addErrorHeaders(headers: Record<string, string>, error: ErrorHeaderSource): void {
  for (const [name, value] of entryHeaders(error.entry)) headers[name] = value;
  const retryAfter = error.retryAfter;
  if (retryAfter !== undefined) headers['retry-after'] = String(Math.ceil(retryAfter));
  const extra = error.extraHeaders;
  if (extra === undefined) return;
  for (const name of Object.keys(extra)) {
    const value = extra[name];
    if (typeof value === 'string' && isSafeHeader(name, value)) headers[name.toLowerCase()] = value;
  }
}
