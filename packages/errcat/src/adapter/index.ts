/**
 * errcat/adapter: for adapter, store and tool authors — the hooks a framework adapter wires
 * (idempotency, traffic guards, status roles), the store interfaces with the helpers a store
 * implements them with, and the canonical JSON that request fingerprints and `errcat diff` compare
 * values by. This entry only re-exports.
 * @packageDocumentation
 */

export { beginIdempotent, type IdempotencyHookOptions } from '../guards/idempotency/begin-idempotent.js';
export { canonicalJson } from '../guards/idempotency/canonical-json.js';
export { DEFAULT_MAX_RESPONSE_BYTES } from '../guards/idempotency/default-max-response-bytes.js';
export type {
  IdempotencyClaim,
  IdempotencyClaimResult,
  IdempotencyRecord,
  IdempotencyStore,
  StoredResponse,
} from '../guards/idempotency/idempotency-store.js';
export { type IdempotencyRow, recordFromRow } from '../guards/idempotency/record-row.js';
export { storesNothing } from '../guards/idempotency/stores-nothing.js';
export { type GcraRule, gcraRule, gcraStep } from '../guards/rate-limit/gcra.js';
export type { RateLimitDecision } from '../guards/rate-limit/rate-limit-decision.js';
export type { RateLimitRule, RateLimitStore } from '../guards/rate-limit/rate-limit-store.js';
export {
  type SlidingWindowRule,
  slidingWindowRule,
  slidingWindowStep,
} from '../guards/rate-limit/sliding-window.js';
export { admitOnce } from '../guards/shed/admit-once.js';
export type { TrafficGuardsOptionsFor } from '../guards/traffic-guards-options.js';
export type { TrafficRequest } from '../guards/traffic-request.js';
export { mergeRateLimitField } from '../http/merge-rate-limit-field.js';
export { roleForStatus } from '../server/role-for-status.js';
