import { admitOnce, errcatErrors, type LoadShedder, type RateLimiter, type TrafficRequest } from 'errcat';
import type { Context, MiddlewareHandler } from 'hono';

/**
 * Options of {@link trafficGuards}.
 *
 * @example
 * ```ts
 * import { getConnInfo } from '@hono/node-server/conninfo';
 *
 * const options: HonoTrafficGuardsOptions = {
 *   shedder,
 *   limiter,
 *   policies: 'general',
 *   facts: (c) => ({ ip: getConnInfo(c).remote.address, method: c.req.method }),
 * };
 * ```
 */
export interface HonoTrafficGuardsOptions {
  /** Sheds requests under overload and during shutdown; give it to the outermost guard. @default none */
  readonly shedder?: LoadShedder;
  /** The rate limiter; `policies` names what each request counts against. @default none */
  readonly limiter?: RateLimiter;
  /** The policies each request counts against, or a function choosing them per request. @default none */
  readonly policies?: string | readonly string[] | ((c: Context) => string | readonly string[] | undefined);
  /**
   * What the rate limiter knows about the request, above all the client's address, which only the
   * runtime knows: `getConnInfo(c).remote.address` with `getConnInfo` from your runtime's adapter
   * (on Node, `@hono/node-server/conninfo`). Required with `limiter`: without an address every
   * client would share one bucket. Read `X-Forwarded-For` only behind a proxy you trust.
   * @default none (required with `limiter`)
   */
  readonly facts?: (c: Context) => TrafficRequest;
}

const LIST_FIELDS: ReadonlySet<string> = new Set(['ratelimit', 'ratelimit-policy']);

/**
 * Hono middleware running errcat's traffic guards: the load shedder, then the rate-limit policies,
 * then the rest of the chain. A refusal is thrown as its catalog error, which
 * `errcatHandlers().onError` renders with its headers (`Retry-After`, `RateLimit`,
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
 * import { errcatHandlers, trafficGuards } from '@errcat/hono';
 *
 * const facts = (c: Context) => ({ ip: getConnInfo(c).remote.address, method: c.req.method });
 * app.use('*', trafficGuards({ shedder, limiter, policies: 'general', facts }));
 * app.use('/auth/*', trafficGuards({ limiter, policies: 'authentication', facts }));
 * app.onError(errcatHandlers({ catalog }).onError);
 * ```
 */
export function trafficGuards(options: HonoTrafficGuardsOptions): MiddlewareHandler {
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
        // The structured fields are lists. An inner guard (a group's, a route's) set its own
        // already: an outer guard's go first, in the order the policies were counted.
        const inner = LIST_FIELDS.has(name) ? c.res.headers.get(name) : null;
        c.header(name, inner === null ? value : `${value}, ${inner}`);
      }
    } finally {
      admission?.release();
    }
  };
}
