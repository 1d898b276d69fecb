import { errcatErrors } from '../../errcat-catalog.js';
import { gcraStep } from './gcra.js';
import type { RateLimitStore } from './rate-limit-store.js';
import { slidingWindowStep } from './sliding-window.js';

/**
 * Options of {@link memoryRateLimitStore}.
 *
 * @example
 * ```ts
 * memoryRateLimitStore({ maxKeys: 100_000 });
 * ```
 */
export interface MemoryRateLimitStoreOptions {
  /**
   * The most keys kept. When full, the least recently used half is dropped; most of those keys
   * have refilled quota, which holds no information, and memory stays flat when clients invent
   * keys. A sliding-window key holds up to `limit` admission times, 8 bytes each.
   * @default 10000
   */
  readonly maxKeys?: number;
  /** The clock, in milliseconds (fractions allowed). @default Date.now */
  readonly now?: () => number;
}

/**
 * The in-process rate-limit store: a bounded, approximately LRU map from key to its state (the
 * admission times of a sliding window, the arrival time of GCRA). Decisions are synchronous, so
 * they are atomic within the process. Each process counts on its own: to share
 * one limit between processes use the Redis store of `@errcat/redis`.
 *
 * @example
 * ```ts
 * const limiter = createRateLimiter({ store: memoryRateLimitStore({ maxKeys: 50_000 }), policies });
 * ```
 */
export function memoryRateLimitStore(options: MemoryRateLimitStoreOptions = {}): RateLimitStore {
  const maxKeys = options.maxKeys ?? 10_000;
  if (!Number.isSafeInteger(maxKeys) || maxKeys < 2) {
    throw errcatErrors.ERRCAT_BAD_ARGUMENT({
      reason: `maxKeys must be an integer of 2 or more, got ${maxKeys}`,
    });
  }
  const now = options.now ?? Date.now;
  // Two generations approximate LRU in O(1): keys live in `recent` until it holds half the cap,
  // then `recent` becomes `older` and the previous `older` is dropped whole. A key used again is
  // moved back to `recent`. Deleting single entries from a Map's front instead makes V8 scan
  // tombstones, which turns a flood of new keys quadratic.
  const half = Math.floor(maxKeys / 2);
  let recent = new Map<string, number | number[]>();
  let older = new Map<string, number | number[]>();
  const remember = (key: string, state: number | number[]): void => {
    older.delete(key);
    if (!recent.has(key) && recent.size >= half) {
      older = recent;
      recent = new Map();
    }
    recent.set(key, state);
  };
  return {
    consume(key, rule) {
      const nowUs = Math.floor(now() * 1000);
      const stored = recent.get(key) ?? older.get(key);
      // A state of the other algorithm (the policy changed) counts as a fresh key.
      if (rule.algorithm === 'sliding-window') {
        const log = Array.isArray(stored) ? stored : [];
        const decision = slidingWindowStep(log, nowUs, rule);
        if (decision.allowed) remember(key, log);
        return decision;
      }
      const { decision, tatUs } = gcraStep(typeof stored === 'number' ? stored : undefined, nowUs, rule);
      if (tatUs !== undefined) remember(key, tatUs);
      return decision;
    },
    close() {
      recent = new Map();
      older = new Map();
    },
  };
}
