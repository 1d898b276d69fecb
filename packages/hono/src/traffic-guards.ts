import { errcatErrors } from 'errcat';
import { admitOnce, mergeRateLimitField, type TrafficGuardsOptionsFor } from 'errcat/adapter';
import type { Context, MiddlewareHandler } from 'hono';

/**
 * Options of {@link trafficGuards}: the core's traffic-guards options for a Hono `Context`. `facts`
 * has no default here and is required with `limiter`: the client's address only the runtime knows
 * (`getConnInfo(c).remote.address` with `getConnInfo` from your runtime's adapter, on Node
 * `@hono/node-server/conninfo`), and without one every client would share one bucket.
 *
 * @example
 * ```ts
 * import { getConnInfo } from '@hono/node-server/conninfo';
 *
 * const options: TrafficGuardsOptions = {
 *   shedder,
 *   limiter,
 *   policies: 'general',
 *   facts: (c) => ({ ip: getConnInfo(c).remote.address, method: c.req.method }),
 * };
 * ```
 */
export type TrafficGuardsOptions = TrafficGuardsOptionsFor<Context>;

/**
 * Hono middleware running errcat's traffic guards: the load shedder, then the rate-limit policies,
 * then the rest of the chain. A refusal is thrown as its catalog error, which
 * `errcat().onError` renders with its headers (`Retry-After`, `RateLimit`,
 * `Cache-Control`); allowed responses get the rate-limit headers. A client that leaves while
 * queued leaves the queue (the request's `signal`); the slot is given back once the handler has
 * returned its `Response` (before a streamed body has been sent). Web APIs only: it runs on every
 * runtime Hono does.
 *
 * Mount it app-wide or on a path (a route group); guards on the way of a request add up: a
 * group's stricter policy counts on top of the app-wide one, and both appear in the `RateLimit`
 * fields; a shedder passed to several guards admits the request once.
 *
 * @example
 * ```ts
 * import { getConnInfo } from '@hono/node-server/conninfo';
 * import { errcat, trafficGuards } from '@errcat/hono';
 *
 * const facts = (c: Context) => ({ ip: getConnInfo(c).remote.address, method: c.req.method });
 * app.use('*', trafficGuards({ shedder, limiter, policies: 'general', facts }));
 * app.use('/auth/*', trafficGuards({ limiter, policies: 'authentication', facts }));
 * app.onError(errcat({ catalog }).onError);
 * ```
 */
export function trafficGuards(options: TrafficGuardsOptions): MiddlewareHandler {
  const { shedder, limiter, policies, facts } = options;
  if (limiter !== undefined && facts === undefined) {
    throw errcatErrors.ERRCAT_BAD_ARGUMENT({
      reason:
        "trafficGuards: 'facts' is required with 'limiter' (the client's address comes from the runtime)",
    });
  }
  return async (c, next) => {
    const admission = shedder ? await admitOnce(shedder, c.req.raw, c.req.raw.signal) : undefined;
    try {
      const names = typeof policies === 'function' ? policies(c) : policies;
      const checked =
        limiter && facts && names !== undefined ? await limiter.check(names, facts(c)) : undefined;
      await next();
      if (checked === undefined) return;
      for (const [name, value] of Object.entries(checked.headers)) {
        // An inner guard (a group's, a route's) set its own already: an outer guard's go first.
        c.header(name, mergeRateLimitField(name, value, c.res.headers.get(name), 'before'));
      }
    } finally {
      admission?.release();
    }
  };
}
