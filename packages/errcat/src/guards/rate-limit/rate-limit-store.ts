import type { GcraRule, RateLimitDecision } from './gcra.js';

/**
 * Where a rate limiter keeps its counters. A store makes each decision atomically for its key (no
 * other decision for the key can interleave between its read and its write) using its own clock,
 * so several processes sharing one store enforce one limit. The memory store is the default; the
 * Redis store of `@errcat/redis` shares limits between processes.
 *
 * @example
 * ```ts
 * const store: RateLimitStore = memoryRateLimitStore();
 * const decision = await store.consume('login:203.0.113.7', gcraRule(10, 60, 10));
 * ```
 */
export interface RateLimitStore {
  /**
   * Decides one request for `key` under `rule` and counts it when allowed. May reject (store down);
   * the limiter then applies its failure mode.
   */
  consume(key: string, rule: GcraRule): RateLimitDecision | Promise<RateLimitDecision>;
  /** Releases the store's resources (timers, connections the store owns). */
  close?(): void | Promise<void>;
}
