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
 * A named rate-limit policy: `limit` requests per `window` seconds, counted by `key`. The limiter
 * runs GCRA: requests earn quota back continuously at `limit / window` per second, and at most
 * `burst` may arrive at once. Over any span of `s` seconds at most `burst + floor(s × limit /
 * window)` requests pass; with `burst: 1` that is at most `limit` in any window.
 *
 * @example
 * ```ts
 * const policies = {
 *   authentication: { limit: 10, window: 60 },
 *   queue: { limit: 5, window: 10, key: 'user' },
 *   general: { limit: 100, window: 60, burst: 20 },
 * } satisfies Record<string, RateLimitPolicy>;
 * ```
 */
export interface RateLimitPolicy {
  /** Requests per window: a positive integer, announced as `q` in `RateLimit-Policy`. */
  readonly limit: number;
  /** The window in whole seconds, announced as `w` in `RateLimit-Policy`. */
  readonly window: number;
  /** How many requests may arrive at once. @default limit */
  readonly burst?: number;
  /** What requests are counted by. @default 'ip' */
  readonly key?: RateLimitKey;
}
