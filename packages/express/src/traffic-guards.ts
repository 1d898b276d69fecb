import type { TrafficGuardsOptionsFor, TrafficRequest } from 'errcat/adapter';
import { guardTraffic } from 'errcat/node';
import type { Request, RequestHandler } from 'express';

/**
 * Options of {@link trafficGuards}: the core's traffic-guards options for an Express `Request`.
 * The default `facts` are `{ ip: req.ip, method: req.method }`; `req.ip` follows Express's
 * `trust proxy` setting.
 *
 * @example
 * ```ts
 * const options: TrafficGuardsOptions = { shedder, limiter, policies: 'general' };
 * ```
 */
export type TrafficGuardsOptions = TrafficGuardsOptionsFor<Request>;

const requestFacts = (req: Request): TrafficRequest => ({ ip: req.ip, method: req.method });

/**
 * Express middleware running errcat's traffic guards: the load shedder, then the rate-limit
 * policies. A refusal goes to `next` as its catalog error, which errcat's `errorHandler` renders
 * with its headers (`Retry-After`, `RateLimit`, `Cache-Control`); allowed responses get the
 * rate-limit headers. The shedder's slot is given back when the response closes, and a client
 * leaving while queued leaves the queue ({@link guardTraffic} from `errcat/node`).
 *
 * Mount it app-wide, on a router (a route group) or on one route. Guards on the way of a request
 * add up: a router's stricter policy counts on top of the app-wide one, and both appear in the
 * `RateLimit` fields; a shedder passed to several guards admits the request once.
 *
 * @example
 * ```ts
 * import { errcat, trafficGuards } from '@errcat/express';
 *
 * const handlers = errcat({ catalog });
 * app.use(trafficGuards({ shedder, limiter, policies: 'general' }));
 * const auth = express.Router();
 * auth.use(trafficGuards({ limiter, policies: 'authentication' }));
 * auth.post('/token', issueToken); // 'general' and 'authentication'
 * app.use('/auth', auth);
 * app.post('/queue', trafficGuards({ limiter, policies: 'queue-entry' }), enqueue);
 * app.use(handlers.notFound, handlers.errorHandler);
 * ```
 */
export function trafficGuards(options: TrafficGuardsOptions): RequestHandler {
  const { shedder, limiter, policies } = options;
  const facts = options.facts ?? requestFacts;
  return async (req, res, next) => {
    try {
      await guardTraffic(req, res, {
        shedder,
        limiter,
        policies: typeof policies === 'function' ? policies(req) : policies,
        facts: () => facts(req),
      });
    } catch (error) {
      next(error);
      return;
    }
    next();
  };
}
