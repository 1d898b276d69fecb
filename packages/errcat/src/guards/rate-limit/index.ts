/**
 * errcat/rate-limit: the rate limiter, its memory store, and the RateLimit and RateLimit-Policy
 * header fields. This entry only re-exports.
 * @packageDocumentation
 */

export { parseRateLimit, parseRateLimitPolicy } from '../../http/parse-rate-limit-fields.js';
export {
  formatRateLimit,
  formatRateLimitPolicy,
  type QuotaPolicyField,
  type QuotaStateField,
} from '../../http/rate-limit-fields.js';
export { type CatalogRateLimitsOptions, catalogRateLimits } from './catalog-rate-limits.js';
export { type MemoryRateLimitStoreOptions, memoryRateLimitStore } from './memory-rate-limit-store.js';
export type { RateLimitKey, RateLimitPolicy } from './rate-limit-policy.js';
export {
  createRateLimiter,
  type RateLimiter,
  type RateLimiterOptions,
  type RateLimitHeaderMode,
  type RateLimitResult,
} from './rate-limiter.js';
