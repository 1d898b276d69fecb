import type { TrafficRequest } from '../traffic-request.js';

/**
 * What a rate-limit policy counts requests by: the client address (`ip`, IPv6 grouped by /64),
 * the authenticated `user`, the presented `token` (hashed), or a function of the request. When the
 * chosen fact is missing (no user on an anonymous request), the policy counts by `ip`.
 *
 * @example
 * ```ts
 * const byTenant: RateLimitKey = (request) => request.user?.split(':')[0];
 * ```
 */
export type RateLimitKey = 'ip' | 'user' | 'token' | ((request: TrafficRequest) => string | undefined);

/**
 * A named rate-limit policy: `limit` requests per `window` seconds, counted by `key`, as
 * `RateLimit-Policy` announces it (`"name";q=limit;w=window`). By default the limiter keeps that
 * promise exactly with a sliding window: no window of `window` seconds, wherever it starts,
 * admits more than `limit` requests, and a client may spend its whole `limit` at once.
 *
 * Setting `burst` switches the policy to GCRA, which smooths instead: quota comes back one unit
 * every `window / limit` seconds and at most `burst` requests pass at once. `burst: 1` keeps the
 * promise too (an even pace); a larger `burst` admits up to `burst + limit − 1` in a window, more
 * than `q` announces, in exchange for a single number of state per key.
 *
 * @example
 * ```ts
 * const policies = {
 *   authentication: { limit: 10, window: 60 }, // never more than 10 in any minute
 *   queue: { limit: 5, window: 10, key: 'user' },
 *   general: { limit: 100, window: 60, burst: 20 }, // GCRA: 20 at once, then one every 0.6 s
 * } satisfies Record<string, RateLimitPolicy>;
 * ```
 */
export interface RateLimitPolicy {
  /** Requests per window: a positive integer, announced as `q` in `RateLimit-Policy`. */
  readonly limit: number;
  /** The window in whole seconds, announced as `w` in `RateLimit-Policy`. */
  readonly window: number;
  /**
   * Smooth with GCRA instead of the exact sliding window: how many requests may arrive at once.
   * Above 1, a window can admit up to `burst + limit − 1` requests.
   * @default none: the sliding window, at most `limit` in any window
   */
  readonly burst?: number;
  /** What requests are counted by. @default 'ip' */
  readonly key?: RateLimitKey;
  /**
   * Details the 429 carries besides `policy`, for a catalog whose rate-limit entry declares more
   * (such as the endpoint type, limit and window of its rate-limit table). Only the fields the
   * entry declares reach the response.
   * @default none
   */
  readonly details?: Readonly<Record<string, unknown>>;
}
