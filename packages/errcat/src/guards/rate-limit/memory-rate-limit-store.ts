import { errcatErrors } from '../../errcat-catalog.js';
import { gcraStep } from './gcra.js';
import type { RateLimitStore } from './rate-limit-store.js';

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
   * have refilled buckets, which hold no information, and memory stays flat when clients invent
   * keys.
   * @default 10000
   */
  readonly maxKeys?: number;
  /** The clock, in milliseconds (fractions allowed). @default Date.now */
  readonly now?: () => number;
}

/**
 * The in-process rate-limit store: a bounded, approximately LRU map from key to GCRA arrival time. Decisions are
 * synchronous, so they are atomic within the process. Each process counts on its own: to share
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
  let recent = new Map<string, number>();
  let older = new Map<string, number>();
  const remember = (key: string, tatUs: number): void => {
    if (!recent.has(key) && recent.size >= half) {
      older = recent;
      recent = new Map();
    }
    recent.set(key, tatUs);
  };
  return {
    consume(key, rule) {
      const nowUs = Math.floor(now() * 1000);
      const stored = recent.get(key) ?? older.get(key);
      const { decision, tatUs } = gcraStep(stored, nowUs, rule);
      if (tatUs !== undefined) {
        older.delete(key);
        remember(key, tatUs);
      }
      return decision;
    },
    close() {
      recent = new Map();
      older = new Map();
    },
  };
}
