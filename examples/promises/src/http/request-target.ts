import type { PromisesCatalog } from '../catalog/promises-catalog.js';

/**
 * The URL of a request target as HTTP/1.1 sends it: origin-form (`/promises?limit=5`, where a
 * path may start with `//`) or absolute-form (`http://host/promises`); `undefined` for anything
 * else (authority-form, `*`, an absolute URL that does not parse). `new URL(target, base)` would
 * read `//a:99999/` as a host and port and throw.
 *
 * @example
 * ```ts
 * parseRequestTarget('//a:99999/')?.pathname; // '//a:99999/'
 * parseRequestTarget('http://a:99999/'); // undefined
 * ```
 */
export function parseRequestTarget(target: string | undefined): URL | undefined {
  const text = target ?? '/';
  try {
    return text.startsWith('/') ? new URL(`http://localhost${text}`) : new URL(text);
  } catch {
    return undefined;
  }
}

/**
 * The request's target as a URL, or the catalog's 400 `BAD_REQUEST` role (4004) when it is not
 * one: a malformed target is the client's fault, answered in the service's wire profile.
 *
 * @example
 * ```ts
 * const { pathname, searchParams } = requestTarget(request.url, catalog);
 * ```
 */
export function requestTarget(target: string | undefined, catalog: PromisesCatalog): URL {
  const url = parseRequestTarget(target);
  if (url === undefined) throw catalog.MALFORMED_REQUEST();
  return url;
}
