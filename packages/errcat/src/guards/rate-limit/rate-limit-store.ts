import type { GcraRule } from './gcra.js';
import type { RateLimitDecision } from './rate-limit-decision.js';
import type { SlidingWindowRule } from './sliding-window.js';

/**
 * What a store decides a request by: the exact sliding window (the default of a policy) or GCRA
 * (a policy with `burst`). Every store implements both.
 *
 * @example
 * ```ts
 * const rule: RateLimitRule = slidingWindowRule(10, 60);
 * ```
 */
export type RateLimitRule = SlidingWindowRule | GcraRule;

/**
 * Where a rate limiter keeps its counters. A store makes each decision atomically for its key (no
 * other decision for the key can interleave between its read and its write) using its own clock,
 * so several processes sharing one store enforce one limit. It decides by the rule's algorithm
 * exactly as `slidingWindowStep` and `gcraStep` do. The memory store is the default; the Redis
 * store of `@errcat/redis` shares limits between processes.
 *
 * @example
 * ```ts
 * const store: RateLimitStore = memoryRateLimitStore();
 * const decision = await store.consume('login:203.0.113.7', slidingWindowRule(10, 60));
 * ```
 */
export interface RateLimitStore {
  /**
   * Decides one request for `key` under `rule` and counts it when allowed. May reject (store down);
   * the limiter then applies its failure mode.
   */
  consume(key: string, rule: RateLimitRule): RateLimitDecision | Promise<RateLimitDecision>;
  /** Releases the store's resources (timers, connections the store owns). */
  close?(): void | Promise<void>;
}
