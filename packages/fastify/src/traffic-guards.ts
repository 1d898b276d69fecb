import type { TrafficGuardsOptionsFor, TrafficRequest } from 'errcat/adapter';
import { guardTraffic } from 'errcat/node';
import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The rate-limit policies of this route, instead of those of its scope's `trafficGuards`
     * (`[]`: none).
     */
    policies?: string | readonly string[];
  }
}

/**
 * Options of {@link trafficGuards}: the core's traffic-guards options for a `FastifyRequest`.
 * Registered again inside a scope (a route group), the options given there replace the outer ones
 * for the routes of that scope; those not given are inherited. A route's `config.policies`
 * replaces the scope's `policies`. The default `facts` are
 * `{ ip: request.ip, method: request.method, route: request.routeOptions.url }`; `request.ip`
 * follows Fastify's `trustProxy`.
 *
 * @example
 * ```ts
 * const options: TrafficGuardsOptions = { shedder, limiter, policies: 'general' };
 * ```
 */
export type TrafficGuardsOptions = TrafficGuardsOptionsFor<FastifyRequest>;

/** Where each scope keeps its options: a property that child instances inherit through their prototype. */
const SCOPE = Symbol.for('@errcat/fastify.traffic-guards');

type Scoped = FastifyInstance & { [SCOPE]?: TrafficGuardsOptions };

const requestFacts = (request: FastifyRequest): TrafficRequest => ({
  ip: request.ip,
  method: request.method,
  route: request.routeOptions.url,
});

/**
 * A Fastify plugin running errcat's traffic guards in `onRequest`, before the body is read: the
 * load shedder, then the rate-limit policies of the route. A refusal is thrown as its catalog error,
 * which `errcat` renders with its headers (`Retry-After`, `RateLimit`, `Cache-Control`);
 * allowed responses get the rate-limit headers. The shedder's slot is given back when the response
 * closes, and a client leaving while queued leaves the queue ({@link guardTraffic} from
 * `errcat/node`).
 *
 * Like `errcat` it is not encapsulated: it guards the scope it is registered in. A route
 * picks its own policies with `config: { policies }`; registered again inside a route group, it
 * sets that group's options (the hook still runs once per request, with the nearest options).
 *
 * @example
 * ```ts
 * import { errcat, trafficGuards } from '@errcat/fastify';
 *
 * await app.register(errcat, { catalog });
 * await app.register(trafficGuards, { shedder, limiter, policies: 'general' });
 * app.get('/queue', listQueue); // 'general'
 * app.post('/queue', { config: { policies: ['general', 'queue-entry'] } }, enqueue);
 * await app.register(
 *   async (auth) => {
 *     await auth.register(trafficGuards, { policies: 'authentication' });
 *     auth.post('/token', issueToken); // 'authentication', same shedder and limiter
 *   },
 *   { prefix: '/auth' },
 * );
 * ```
 */
export function trafficGuards(
  fastify: FastifyInstance,
  options: TrafficGuardsOptions,
  done: (error?: Error) => void,
): void {
  const scoped = fastify as Scoped;
  const outer = scoped[SCOPE];
  // Assigned, not decorated: Fastify refuses to decorate a name a parent scope has.
  scoped[SCOPE] = { ...outer, ...options };
  if (outer === undefined) {
    fastify.addHook('onRequest', async (request, reply) => {
      const scope = (request.server as Scoped)[SCOPE] ?? options;
      const facts = scope.facts ?? requestFacts;
      await guardTraffic(request.raw, reply.raw, {
        shedder: scope.shedder,
        limiter: scope.limiter,
        policies:
          request.routeOptions.config.policies ??
          (typeof scope.policies === 'function' ? scope.policies(request) : scope.policies),
        facts: () => facts(request),
      });
    });
  }
  done();
}

// What fastify-plugin sets: register on the parent instance (no encapsulation), with a readable name.
Object.assign(trafficGuards, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: '@errcat/fastify traffic guards',
  [Symbol.for('plugin-meta')]: { name: '@errcat/fastify-traffic-guards', fastify: '5.x' },
});
