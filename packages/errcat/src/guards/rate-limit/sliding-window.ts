import type { RateLimitDecision } from './rate-limit-decision.js';

/**
 * The parameters of a sliding-window decision, in whole microseconds (exact integers in every
 * store, as for GCRA). The rule keeps the promise `RateLimit-Policy` makes: in no window of
 * `window` seconds, wherever it starts, are more than `limit` requests admitted, and it admits
 * every request that keeps that promise, so a fresh client may send its whole `limit` at once.
 *
 * @example
 * ```ts
 * const rule: SlidingWindowRule = slidingWindowRule(10, 60); // 10 in any 60 s
 * rule.windowUs; // 60000000
 * ```
 */
export interface SlidingWindowRule {
  /** Tells the stores which algorithm decides. */
  readonly algorithm: 'sliding-window';
  /** The most requests admitted in any window. */
  readonly limit: number;
  /** The window's length in microseconds. */
  readonly windowUs: number;
}

/**
 * A sliding-window rule: at most `limit` requests in any `windowSeconds`.
 *
 * @example
 * ```ts
 * slidingWindowRule(5, 10); // { algorithm: 'sliding-window', limit: 5, windowUs: 10000000 }
 * ```
 */
export function slidingWindowRule(limit: number, windowSeconds: number): SlidingWindowRule {
  return { algorithm: 'sliding-window', limit, windowUs: windowSeconds * 1_000_000 };
}

/**
 * One sliding-window step over `log`, the key's admission times in ascending microseconds (empty
 * for a fresh key), which it updates in place: it drops the times that left the window and appends
 * `nowUs` when the request is admitted. A window is half-open: a request at `t` and one at
 * `t + window` are in different windows. The request is admitted when fewer than `limit`
 * admissions lie in `(now − window, now]`; since every window that holds `now` starts after
 * `now − window`, that is exactly when admitting it keeps every window at `limit` or fewer.
 * The log never holds more than `limit` times. The Redis store runs the same steps in Lua.
 *
 * @example
 * ```ts
 * const log: number[] = [];
 * slidingWindowStep(log, nowUs, slidingWindowRule(10, 60)).remaining; // 9; log is [nowUs]
 * ```
 */
export function slidingWindowStep(log: number[], nowUs: number, rule: SlidingWindowRule): RateLimitDecision {
  const newest = log[log.length - 1];
  // A clock that steps back (NTP) must not reorder the log: such a request counts as the newest.
  const now = newest !== undefined && newest > nowUs ? newest : nowUs;
  const since = now - rule.windowUs;
  while (log.length > 0 && (log[0] as number) <= since) log.shift();
  if (log.length >= rule.limit) {
    // One more may pass once the admission `limit` places back leaves the window.
    const leaves = (log[log.length - rule.limit] as number) + rule.windowUs;
    const retryAfterMs = Math.ceil((leaves - now) / 1000);
    return { allowed: false, remaining: 0, retryAfterMs, resetMs: retryAfterMs };
  }
  log.push(now);
  return {
    allowed: true,
    remaining: rule.limit - log.length,
    retryAfterMs: 0,
    resetMs: Math.ceil(((log[0] as number) + rule.windowUs - now) / 1000),
  };
}
