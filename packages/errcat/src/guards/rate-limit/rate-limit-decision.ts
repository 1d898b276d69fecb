/**
 * The outcome of one rate-limit decision.
 *
 * @example
 * ```ts
 * const decision = await store.consume('ip:203.0.113.7', rule);
 * if (!decision.allowed) console.log(`retry in ${decision.retryAfterMs} ms`);
 * ```
 */
export interface RateLimitDecision {
  /** The request fits the policy and was counted. */
  readonly allowed: boolean;
  /** How many more requests would be allowed right now. */
  readonly remaining: number;
  /** Milliseconds until the next request can be allowed; 0 when this one was. */
  readonly retryAfterMs: number;
  /** Milliseconds until one more unit of quota comes back. */
  readonly resetMs: number;
}
