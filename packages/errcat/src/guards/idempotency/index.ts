/**
 * errcat/idempotency: the idempotency guard — the Idempotency-Key header, request fingerprints and
 * the memory store. This entry only re-exports.
 * @packageDocumentation
 */

export {
  createIdempotencyGuard,
  DEFAULT_IDEMPOTENCY_TTL,
  IDEMPOTENT_REPLAYED_HEADER,
  type IdempotencyClaimHandle,
  type IdempotencyGuard,
  type IdempotencyGuardOptions,
  type IdempotencyStart,
  type IdempotencyStoreOperation,
  type IdempotentRequest,
} from './idempotency-guard.js';
export { type MemoryIdempotencyStoreOptions, memoryIdempotencyStore } from './memory-idempotency-store.js';
export {
  type IdempotencyKeyParse,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  type ParseIdempotencyKeyOptions,
  parseIdempotencyKey,
} from './parse-idempotency-key.js';
export { type FingerprintInput, requestFingerprint } from './request-fingerprint.js';
