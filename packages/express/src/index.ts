/**
 * @errcat/express: errcat for Express 5. This entry only re-exports.
 * @packageDocumentation
 */
export {
  type ExpressIdempotencyHandlers,
  type ExpressIdempotencyOptions,
  idempotencyMiddleware,
} from './idempotency.js';
export {
  type ExpressErrcatHandlers,
  type ExpressErrcatOptions,
  errcatMiddleware,
  expressErrorMapper,
} from './middleware.js';
export { type ExpressTrafficGuardsOptions, trafficGuards } from './traffic-guards.js';
