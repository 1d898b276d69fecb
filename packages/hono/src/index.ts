/**
 * @errcat/hono: errcat for Hono, on any runtime. This entry only re-exports.
 * @packageDocumentation
 */
export { type HonoIdempotencyOptions, idempotency } from './idempotency.js';
export {
  errcatHandlers,
  type HonoErrcatHandlers,
  type HonoErrcatOptions,
  honoErrorMapper,
} from './middleware.js';
export { type HonoTrafficGuardsOptions, trafficGuards } from './traffic-guards.js';
