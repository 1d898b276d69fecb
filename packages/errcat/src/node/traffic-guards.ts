import type { IncomingMessage, ServerResponse } from 'node:http';
import { runWithDeadline } from '../guards/shed/run-with-deadline.js';
import type { roleError } from '../role-error.js';
import { type GuardTrafficOptions, guardTraffic } from './guard-traffic.js';
import { readBody } from './read-body.js';

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
export interface TrafficGuardsOptions extends GuardTrafficOptions {
  /** Milliseconds a request may take before it is answered with `REQUEST_DEADLINE_EXCEEDED`. @default no deadline */
  readonly deadline?: number;
  /** The catalog whose entry plays `REQUEST_DEADLINE_EXCEEDED` (and the body's refusals). @default the base catalog */
  readonly catalog?: Parameters<typeof roleError>[0];
  /**
   * Read the request body whole before the shedder admits the request, so that no concurrency
   * slot or queue place waits on a client's bytes: a body slower than `deadline` milliseconds gets
   * `REQUEST_TIMEOUT` (408, `Connection: close`), one over `maxBytes` `PAYLOAD_TOO_LARGE` (413).
   * The handler then gets the bytes from `withIdempotency` (or `readBody`), not from the stream.
   * @default not read here: the handler reads the stream inside its slot
   */
  readonly body?: { readonly deadline?: number; readonly maxBytes?: number };
}

/** The body limits of {@link TrafficGuardsOptions.body} when left out. */
const BODY_DEFAULTS = { deadline: 10_000, maxBytes: 1_048_576 } as const;

/**
 * Puts the traffic guards in front of a `node:http` handler, in the order that keeps rejections
 * cheap: load shedding (before the body is read, unless `body` reads it first), then rate limits, then the handler under its
 * deadline ({@link guardTraffic} runs the first two). A guard that refuses throws its catalog error; wrap the result in `withErrors` to
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
  const { deadline, catalog, body } = options;
  const bodyLimits = body && { ...BODY_DEFAULTS, ...body, catalog };
  return async (request, response) => {
    if (bodyLimits) await readBody(request, bodyLimits);
    const left = await guardTraffic(request, response, options);
    if (deadline === undefined) {
      await handler(request, response, left);
      return;
    }
    try {
      await runWithDeadline(
        (signal) => handler(request, response, AbortSignal.any([signal, left])),
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
