/**
 * @errcat/fastify: errcat for Fastify. This entry only re-exports.
 * @packageDocumentation
 */
export { type FastifyIdempotencyOptions, idempotencyPlugin } from './idempotency.js';
export { errcatPlugin, type FastifyErrcatOptions, fastifyErrorMapper } from './plugin.js';
export { type FastifyTrafficGuardsOptions, trafficGuards } from './traffic-guards.js';
