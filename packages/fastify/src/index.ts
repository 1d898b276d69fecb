/**
 * @errcat/fastify: errcat for Fastify. This entry only re-exports.
 * @packageDocumentation
 */
export { errcatPlugin, type FastifyErrcatOptions, fastifyErrorMapper } from './plugin.js';
