import type { GcraRule, RateLimitDecision, RateLimitStore } from 'errcat';
import { GCRA_SCRIPT, GCRA_SCRIPT_SHA } from './gcra-script.js';
import { isNoScript, quitClient } from './internal/quit-client.js';

/**
 * The part of an ioredis client (`Redis` or `Cluster`) the store uses.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * const client: ScriptClient = new Redis({ enableOfflineQueue: false, maxRetriesPerRequest: 1 });
 * ```
 */
export interface ScriptClient {
  evalsha(sha: string, keys: number, ...args: (string | number)[]): Promise<unknown>;
  eval(script: string, keys: number, ...args: (string | number)[]): Promise<unknown>;
  quit(): Promise<unknown>;
  disconnect(): void;
  /** ioredis's connection state: `ready` when commands can be sent. */
  readonly status: string;
}

/**
 * Options of {@link redisRateLimitStore}.
 *
 * @example
 * ```ts
 * redisRateLimitStore({ client: redis, keyPrefix: 'shop:', closeClient: true });
 * ```
 */
export interface RedisRateLimitStoreOptions {
  /**
   * The ioredis client. For a bounded wait when Redis is down, create it with
   * `enableOfflineQueue: false` (commands fail at once instead of queueing until a reconnect) and
   * `maxRetriesPerRequest: 1`; the limiter's `timeout` bounds the wait in any case.
   */
  readonly client: ScriptClient;
  /** Prepended to every key, to share one Redis between apps. @default 'errcat:' */
  readonly keyPrefix?: string;
  /** `close()` also quits the client; leave it false when the app shares the client. @default false */
  readonly closeClient?: boolean;
}

function toDecision(reply: unknown): RateLimitDecision {
  if (!Array.isArray(reply) || reply.length !== 4 || !reply.every((n) => typeof n === 'number')) {
    throw new TypeError('unexpected reply from the GCRA script');
  }
  const [allowed, remaining, retryAfterMs, resetMs] = reply as [number, number, number, number];
  return { allowed: allowed === 1, remaining, retryAfterMs, resetMs };
}

/**
 * A rate-limit store on Redis: every decision is one `EVALSHA` of a GCRA Lua script (atomic, one
 * round trip), falling back to `EVAL` once when Redis does not know the script yet (after a
 * restart or `SCRIPT FLUSH`). Processes sharing the Redis share the limits exactly. Keys expire by
 * themselves when their bucket is full again, so Redis holds only the keys of active clients.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { createRateLimiter } from 'errcat';
 * import { redisRateLimitStore } from '@errcat/redis';
 *
 * const client = new Redis({ enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 500 });
 * const limiter = createRateLimiter({
 *   policies: { general: { limit: 100, window: 60 } },
 *   store: redisRateLimitStore({ client }),
 *   failMode: 'closed',
 *   timeout: 250,
 * });
 * ```
 */
export function redisRateLimitStore(options: RedisRateLimitStoreOptions): RateLimitStore {
  const { client } = options;
  const prefix = options.keyPrefix ?? 'errcat:';
  return {
    async consume(key: string, rule: GcraRule): Promise<RateLimitDecision> {
      const args = [`${prefix}${key}`, rule.intervalUs, rule.burst] as const;
      try {
        return toDecision(await client.evalsha(GCRA_SCRIPT_SHA, 1, ...args));
      } catch (error) {
        if (!isNoScript(error)) throw error;
        return toDecision(await client.eval(GCRA_SCRIPT, 1, ...args));
      }
    },
    async close() {
      if (options.closeClient) await quitClient(client);
    },
  };
}
