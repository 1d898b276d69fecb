/**
 * Any header container errcat reads, request or response: a Fetch `Headers` (Hono, Bun, Deno,
 * workers, `fetch`), an object with a `get` method (axios' `AxiosHeaders`), a plain object (Node's
 * `IncomingHttpHeaders`, Express, Fastify, supertest, Fastify's `inject`), or `[name, value]` pairs.
 * Each reader keeps its rule for a repeated header: `readHeader` gives the first value,
 * `headerValues` every value, the client's `headerReader` and errcat/testing's `readResponse` the
 * values joined with `, `. `readHeader` and `headerValues` read a plain object by the lower-case
 * name, as Node and the frameworks hold request headers, and pairs by any case;
 * `readResponse` lists every header, so it reads pairs or an object's own entries, never `get`.
 * Values are typed `unknown`, as containers declare them (axios' raw headers allow `boolean`,
 * `null` and nested `AxiosHeaders`): every reader keeps strings, numbers as text and arrays of
 * strings, and ignores anything else.
 *
 * @example
 * ```ts
 * const headers: HeadersLike = { 'retry-after': '2', 'x-request-id': 'req-1' };
 * const fromFetch: HeadersLike = new Headers({ accept: 'application/json' });
 * const pairs: HeadersLike = [['set-cookie', 'a=1'], ['set-cookie', 'b=2']];
 * ```
 */
export type HeadersLike =
  | { get(name: string): unknown }
  | Readonly<Record<string, unknown>>
  | Iterable<readonly [string, unknown]>;
