import type { RateLimitDecision, RateLimitRule, RateLimitStore } from 'errcat/adapter';
import { isNoScript, quitClient } from './internal/quit-client.js';
import { GCRA_SCRIPT, SLIDING_WINDOW_SCRIPT } from './rate-limit-scripts.js';

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
  /**
   * A clock in milliseconds to decide by instead of Redis's own: for tests that need exact
   * arrival times. Processes sharing a Redis must share its clock, so leave it unset in production.
   * @default Redis's `TIME`
   */
  readonly now?: () => number;
}

function toDecision(reply: unknown): RateLimitDecision {
  if (!Array.isArray(reply) || reply.length !== 4 || !reply.every((n) => typeof n === 'number')) {
    throw new TypeError('unexpected reply from the rate-limit script');
  }
  const [allowed, remaining, retryAfterMs, resetMs] = reply as [number, number, number, number];
  return { allowed: allowed === 1, remaining, retryAfterMs, resetMs };
}

/**
 * A rate-limit store on Redis: every decision is one `EVALSHA` of a Lua script (atomic, one round
 * trip) that decides as errcat's core does, falling back to `EVAL` once when Redis does not know
 * the script yet (after a restart or `SCRIPT FLUSH`). Processes sharing the Redis share the limits
 * exactly, on Redis's clock. A sliding-window key is a list of up to `limit` admission times; a
 * GCRA key one number. Keys expire by themselves once they hold no information (a window after
 * the last admission, or when the GCRA bucket is full again), so Redis holds only active clients.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { createRateLimiter } from 'errcat/rate-limit';
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
    async consume(key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
      const [script, first, second] =
        rule.algorithm === 'sliding-window'
          ? [SLIDING_WINDOW_SCRIPT, rule.limit, rule.windowUs]
          : [GCRA_SCRIPT, rule.intervalUs, rule.burst];
      const args = [`${prefix}${key}`, first, second];
      if (options.now) args.push(Math.floor(options.now() * 1000));
      try {
        return toDecision(await client.evalsha(script.sha, 1, ...args));
      } catch (error) {
        if (!isNoScript(error)) throw error;
        return toDecision(await client.eval(script.source, 1, ...args));
      }
    },
    async close() {
      if (options.closeClient) await quitClient(client);
    },
  };
}
