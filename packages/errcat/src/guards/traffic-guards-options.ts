import type { RateLimiter } from './rate-limit/rate-limiter.js';
import type { LoadShedder } from './shed/load-shedder.js';
import type { TrafficRequest } from './traffic-request.js';

/**
 * The options every traffic-guards integration takes, generic in its framework's request:
 * `guardTraffic` of `errcat/node` (`IncomingMessage`), and `trafficGuards` of `@errcat/fastify`
 * (`FastifyRequest`), `@errcat/express` (`Request`) and `@errcat/hono` (`Context`), each of which
 * exports it, for its own request type, as its `TrafficGuardsOptions`.
 *
 * @example
 * ```ts
 * import type { TrafficGuardsOptionsFor } from 'errcat/adapter';
 * import type { Request } from 'express';
 *
 * const options: TrafficGuardsOptionsFor<Request> = { shedder, limiter, policies: 'general' };
 * ```
 */
export interface TrafficGuardsOptionsFor<Request> {
  /**
   * Sheds requests under overload and during shutdown, before anything else runs; give it to the
   * outermost guard (a shedder passed to several guards admits a request once).
   * @default none
   */
  readonly shedder?: LoadShedder | undefined;
  /** The rate limiter; `policies` names what each request counts against. @default none */
  readonly limiter?: RateLimiter | undefined;
  /**
   * The policies each request counts against, or a function choosing them per request
   * (`undefined`: none, `[]`: none either, but the request still counts as checked).
   * @default none
   */
  readonly policies?:
    | string
    | readonly string[]
    | ((request: Request) => string | readonly string[] | undefined)
    | undefined;
  /**
   * What the rate limiter knows about the request, above all the client's address. Read a
   * forwarded address (`X-Forwarded-For`) only behind a proxy you trust, or any client could mint
   * new buckets.
   * @default the adapter's: the socket's peer address (or the framework's `ip`) and the method
   */
  readonly facts?: ((request: Request) => TrafficRequest) | undefined;
}
