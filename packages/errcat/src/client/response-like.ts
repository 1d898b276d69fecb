/**
 * The parts of a fetch `Response` the decoder reads; anything fetch-like fits (a polyfill's
 * response, an object with `status`, `headers` and `text()`).
 *
 * @example
 * ```ts
 * const like: ResponseLike = { status: 503, headers: { 'retry-after': '2' }, text: async () => '' };
 * await decodeError(like);
 * ```
 */
export interface ResponseLike {
  /** The HTTP status. */
  readonly status: number;
  /** The headers, in any container {@link HeadersLike} describes. */
  readonly headers?: unknown;
  /** The body stream; read up to the bound, then cancelled. */
  readonly body?: ReadableStream<Uint8Array> | null;
  /** The body was already read: decode from the status and headers alone. */
  readonly bodyUsed?: boolean;
  /** The whole body as text, for response-likes without a stream. */
  text?(): Promise<string>;
  /** A copy whose body can be read while this one's stays unread (a 2xx is decoded from a copy). */
  clone?(): ResponseLike;
}
