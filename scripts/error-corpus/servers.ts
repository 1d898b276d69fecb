import type { CaptureServer } from './corpus-case.js';
import { expressServer } from './express.js';
import { fastifyServer } from './fastify.js';
import { h3Server } from './h3.js';
import { hapiServer } from './hapi.js';
import { honoServer } from './hono.js';
import { koaServer } from './koa.js';
import { nestServer } from './nest.js';
import { restifyServer } from './restify.js';

/**
 * Every library the corpus captures, in capture order.
 *
 * @example
 * ```ts
 * for (const server of SERVERS) console.log(server.library, server.cases.length);
 * ```
 */
export const SERVERS: readonly CaptureServer[] = [
  fastifyServer,
  expressServer,
  koaServer,
  hapiServer,
  honoServer,
  nestServer,
  restifyServer,
  h3Server,
];
