import type { IncomingMessage, ServerResponse } from 'node:http';
import { admitOnce } from '../guards/shed/admit-once.js';
import type { LoadShedder } from '../guards/shed/load-shedder.js';
import type { TrafficGuardsOptionsFor } from '../guards/traffic-guards-options.js';
import type { TrafficRequest } from '../guards/traffic-request.js';
import { mergeRateLimitField } from '../http/merge-rate-limit-field.js';

/**
 * Options of {@link guardTraffic}: the core's traffic-guards options for a `node:http` request.
 * The default `facts` take the socket's peer address and never `X-Forwarded-For`: behind a trusted
 * proxy, read the forwarded address in `facts` yourself.
 *
 * @example
 * ```ts
 * const options: GuardTrafficOptions = { shedder, limiter, policies: ['general', 'authentication'] };
 * ```
 */
export interface GuardTrafficOptions extends TrafficGuardsOptionsFor<IncomingMessage> {}

const socketFacts = (request: IncomingMessage): TrafficRequest => ({
  ip: request.socket.remoteAddress,
  method: request.method,
});

/**
 * The signal's reason once the response closed. Without stack frames: at a 'close' event they
 * name only Node's event internals, and capturing them cost more than the rest of the guard.
 */
function closedReason(): Error {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new Error('the client closed the connection');
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Runs the traffic guards for one `node:http` request/response pair — also Fastify's
 * `request.raw`/`reply.raw` and Express's `req`/`res` — before its handler: admits it through the
 * load shedder, then counts it against the rate-limit policies. A guard that refuses makes it
 * reject with its catalog error (`QUEUE_FULL`, `OVERLOADED`, `SHUTTING_DOWN`, `RATE_LIMITED`,
 * `RATE_LIMITER_UNAVAILABLE`), for your error handler to render; a request refused while the
 * shedder drains also gets `Connection: close`, so the client reconnects elsewhere. An allowed
 * request gets the rate-limit headers on its response.
 *
 * The shedder's slot is given back exactly once, when the response closes (at once if it closed
 * already), so a drain waits for whole responses; a client that leaves while queued leaves the
 * queue. A request already admitted by the same shedder (a second guard on a router) is not
 * admitted again; a second limiter check adds its policies to the `RateLimit` fields.
 *
 * Resolves with a signal that aborts when the response closes: the client left, or the answer
 * was sent.
 *
 * @example
 * ```ts
 * import { guardTraffic } from 'errcat/node';
 *
 * // Fastify: errcat renders what the hook throws
 * app.addHook('onRequest', async (request, reply) => {
 *   await guardTraffic(request.raw, reply.raw, { shedder, limiter, policies: 'general' });
 * });
 * ```
 */
export async function guardTraffic(
  request: IncomingMessage,
  response: ServerResponse,
  options: GuardTrafficOptions,
): Promise<AbortSignal> {
  const { shedder, limiter, policies } = options;
  const left = new AbortController();
  response.once('close', () => left.abort(closedReason()));
  if (shedder) await admit(shedder, request, response, left.signal);
  const names = typeof policies === 'function' ? policies(request) : policies;
  if (limiter && names !== undefined) {
    const { headers } = await limiter.check(names, (options.facts ?? socketFacts)(request));
    for (const [name, value] of Object.entries(headers)) {
      const prior = response.getHeader(name);
      response.setHeader(
        name,
        mergeRateLimitField(name, value, typeof prior === 'string' ? prior : undefined, 'after'),
      );
    }
  }
  return left.signal;
}

async function admit(
  shedder: LoadShedder,
  request: IncomingMessage,
  response: ServerResponse,
  signal: AbortSignal,
): Promise<void> {
  try {
    const admission = await admitOnce(shedder, request, signal);
    if (admission === undefined) return;
    // A client that left while queued has closed already: its 'close' event will not come again.
    if (response.closed) admission.release();
    else response.once('close', () => admission.release());
  } catch (error) {
    if (shedder.draining) response.setHeader('connection', 'close');
    throw error;
  }
}
