/**
 * @errcat/fastify: errcat for Fastify. This entry only re-exports.
 * @packageDocumentation
 */
export { type IdempotencyOptions, idempotency } from './idempotency.js';
export { type ErrcatOptions, errcat, errorMapper } from './plugin.js';
export { type TrafficGuardsOptions, trafficGuards } from './traffic-guards.js';
