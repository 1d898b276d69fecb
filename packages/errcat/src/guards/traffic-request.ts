/**
 * What the traffic guards need to know about a request. Adapters fill it from their framework's
 * request; every field is optional, and a guard that lacks what it keys on falls back to `ip`.
 *
 * @example
 * ```ts
 * const facts: TrafficRequest = { ip: req.socket.remoteAddress, user: session?.userId };
 * await limiter.check('general', facts);
 * ```
 */
export interface TrafficRequest {
  /**
   * The client's address. Adapters take the socket's peer address; a forwarded address
   * (`X-Forwarded-For`) only when the app trusts its proxy, or any client could mint new buckets.
   */
  readonly ip?: string | undefined;
  /** The authenticated principal (user or tenant id), when an auth guard ran first. */
  readonly user?: string | undefined;
  /** The credential the request presented (an API key or bearer token); only its hash is stored. */
  readonly token?: string | undefined;
  /** The request method. */
  readonly method?: string | undefined;
  /** The matched route pattern (`/users/:id`), not the raw path. */
  readonly route?: string | undefined;
}
