/**
 * @errcat/redis: errcat stores on Redis through ioredis. This entry only re-exports.
 * @packageDocumentation
 */
export {
  type RedisCommandClient,
  type RedisIdempotencyStoreOptions,
  redisIdempotencyStore,
} from './redis-idempotency-store.js';
export {
  type RedisRateLimitStoreOptions,
  redisRateLimitStore,
  type ScriptClient,
} from './redis-rate-limit-store.js';
