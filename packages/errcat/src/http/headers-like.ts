/**
 * Any header container the decoder can read: a fetch `Headers`, an object with a `get` method
 * (axios' `AxiosHeaders`), Node's `IncomingHttpHeaders`, or `[name, value]` pairs. Names are matched
 * case-insensitively.
 *
 * @example
 * ```ts
 * const headers: HeadersLike = { 'retry-after': '2', 'x-request-id': 'req-1' };
 * ```
 */
export type HeadersLike =
  | { get(name: string): string | null | undefined }
  | Readonly<Record<string, string | readonly string[] | number | undefined>>
  | Iterable<readonly [string, string]>;
