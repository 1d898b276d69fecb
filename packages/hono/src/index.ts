/**
 * @errcat/hono: errcat for Hono, on any runtime. This entry only re-exports.
 * @packageDocumentation
 */
export { type IdempotencyOptions, idempotency } from './idempotency.js';
export {
  type ErrcatHandlers,
  type ErrcatOptions,
  errcat,
  errorMapper,
} from './middleware.js';
export { type TrafficGuardsOptions, trafficGuards } from './traffic-guards.js';
