/**
 * @errcat/express: errcat for Express 5. This entry only re-exports.
 * @packageDocumentation
 */
export {
  type IdempotencyHandlers,
  type IdempotencyOptions,
  idempotency,
} from './idempotency.js';
export {
  type ErrcatHandlers,
  type ErrcatOptions,
  errcat,
  errorMapper,
} from './middleware.js';
export { type TrafficGuardsOptions, trafficGuards } from './traffic-guards.js';
