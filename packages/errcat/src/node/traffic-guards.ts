import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RateLimiter } from '../guards/rate-limit/rate-limiter.js';
import type { LoadShedder } from '../guards/shed/load-shedder.js';
import { runWithDeadline } from '../guards/shed/run-with-deadline.js';
import type { TrafficRequest } from '../guards/traffic-request.js';
import type { roleError } from '../role-error.js';

/**
 * A `node:http` handler that also receives a signal, aborted when the request's deadline passes
 * or its client leaves.
 *
 * @example
 * ```ts
 * const handler: GuardedHandler = async (req, res, signal) => {
 *   res.end(await fetch(upstream, { signal }).then((r) => r.text()));
 * };
 * ```
 */
export type GuardedHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  signal: AbortSignal,
) => unknown;

/**
 * Options of {@link withTrafficGuards}.
 *
 * @example
 * ```ts
 * withTrafficGuards(app, { shedder, limiter, policies: ['general'], deadline: 5_000 });
 * ```
 */
export interface TrafficGuardsOptions {
  /** Sheds requests under overload and during shutdown, before anything else runs. */
  readonly shedder?: LoadShedder;
  /** The rate limiter; `policies` names what each request counts against. */
  readonly limiter?: RateLimiter;
  /** The policies of every request, or a function choosing them per request (`undefined`: none). */
  readonly policies?:
    | string
    | readonly string[]
    | ((request: IncomingMessage) => string | readonly string[] | undefined);
  /** Milliseconds a request may take before it is answered with `REQUEST_DEADLINE_EXCEEDED`. @default no deadline */
  readonly deadline?: number;
  /** The catalog whose entry plays `REQUEST_DEADLINE_EXCEEDED`. @default the base catalog */
  readonly catalog?: Parameters<typeof roleError>[0];
  /**
   * What the guards know about the request. The default takes the socket's peer address and never
   * `X-Forwarded-For`: behind a trusted proxy, read the forwarded address here yourself.
   * @default the socket address and method
   */
  readonly facts?: (request: IncomingMessage) => TrafficRequest;
}

const socketFacts = (request: IncomingMessage): TrafficRequest => ({
  ip: request.socket.remoteAddress,
  method: request.method,
});

/**
 * Puts the traffic guards in front of a `node:http` handler, in the order that keeps rejections
 * cheap: load shedding (before the body is read), then rate limits, then the handler under its
 * deadline. A guard that refuses throws its catalog error; wrap the result in `withErrors` to
 * render it. Allowed responses get the rate-limit headers; a request refused while shutting down
 * gets `Connection: close` so the client reconnects elsewhere. The shedder's slot is held until
 * the response is finished, so a drain waits for whole responses.
 *
 * @example
 * ```ts
 * const shedder = createLoadShedder({ maxConcurrent: 64, maxQueue: 64 });
 * const limiter = createRateLimiter({ policies: { general: { limit: 100, window: 60 } } });
 * const server = createServer(
 *   withErrors(withTrafficGuards(app, { shedder, limiter, policies: 'general', deadline: 10_000 }), { catalog }),
 * );
 * gracefulShutdown(server, { shedder, close: [limiter] });
 * ```
 */
export function withTrafficGuards(
  handler: GuardedHandler,
  options: TrafficGuardsOptions,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const { shedder, limiter, policies, deadline, catalog } = options;
  const facts = options.facts ?? socketFacts;
  return async (request, response) => {
    const left = new AbortController();
    response.once('close', () => left.abort(new Error('the client closed the connection')));
    if (shedder) {
      try {
        const admission = await shedder.admit(left.signal);
        if (response.closed) admission.release();
        else response.once('close', () => admission.release());
      } catch (error) {
        if (shedder.draining) response.setHeader('connection', 'close');
        throw error;
      }
    }
    const names = typeof policies === 'function' ? policies(request) : policies;
    if (limiter && names !== undefined) {
      const { headers } = await limiter.check(names, facts(request));
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    }
    if (deadline === undefined) {
      await handler(request, response, left.signal);
      return;
    }
    try {
      await runWithDeadline(
        (signal) => handler(request, response, AbortSignal.any([signal, left.signal])),
        deadline,
        catalog,
      );
    } catch (error) {
      // A handler that writes after the deadline answer must not crash the process.
      response.on('error', () => {});
      throw error;
    }
  };
}
