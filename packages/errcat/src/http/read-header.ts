/**
 * Request headers in either shape servers hold them: a plain object with lower-case names (Node's
 * `IncomingHttpHeaders`, Express, Fastify) or a Fetch `Headers` object (Hono, Bun, Deno, workers).
 *
 * @example
 * ```ts
 * const fromNode: HeaderSource = req.headers;
 * const fromFetch: HeaderSource = request.headers; // a Headers object
 * ```
 */
export type HeaderSource =
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | { get(name: string): string | null | undefined };

/**
 * Reads one request header, case-insensitively, from either header shape; a repeated header gives
 * its first value.
 *
 * @example
 * ```ts
 * readHeader({ 'x-request-id': 'abc' }, 'X-Request-Id'); // 'abc'
 * readHeader(new Headers({ accept: 'application/json' }), 'accept'); // 'application/json'
 * ```
 */
export function readHeader(headers: HeaderSource | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined;
  const lower = name.toLowerCase();
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null | undefined }).get(lower) ?? undefined;
  }
  const value = (headers as Readonly<Record<string, string | readonly string[] | undefined>>)[lower];
  return typeof value === 'string' ? value : value?.[0];
}
