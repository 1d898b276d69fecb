import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JwtAuth } from '@errcat/jwt';
import type { IdempotencyGuard, LoadShedder, RateLimiter, WireProfile } from 'errcat';
import { withIdempotency } from 'errcat/node';
import type { PromisesCatalog } from '../catalog/promises-catalog.js';
import { parseJsonBody } from './json-body.js';
import type { RouteMatch, Router } from './router.js';
import type { RouteHandler } from './routes.js';
import { sendReply } from './send-reply.js';

/**
 * A document served as is, without authentication: the error dictionary, the OpenAPI document.
 *
 * @example
 * ```ts
 * const page: PublicDocument = { contentType: 'text/html; charset=utf-8', body: html };
 * ```
 */
export interface PublicDocument {
  readonly contentType: string;
  readonly body: string;
}

/**
 * What {@link createApp} puts together.
 *
 * @example
 * ```ts
 * createApp({ catalog, profile, router, auth, idempotency, limiter, shedder, documents });
 * ```
 */
export interface AppOptions {
  readonly catalog: PromisesCatalog;
  /** The wire profile: its success envelope (if any) wraps successful replies too. */
  readonly profile: WireProfile;
  readonly router: Router<RouteHandler>;
  /** Verifies bearer tokens and their scopes. */
  readonly auth: JwtAuth;
  /** Applies `Idempotency-Key` to POST requests and reads every body. */
  readonly idempotency: IdempotencyGuard;
  /** Counts authenticated requests against the `user` policy, by token subject. @default none */
  readonly limiter?: RateLimiter<'user'> | undefined;
  /** Its readiness is served at `/ready`. @default always ready */
  readonly shedder?: LoadShedder | undefined;
  /** Public documents by path (`GET` only). @default {} */
  readonly documents?: Readonly<Record<string, PublicDocument>>;
}

/** What the request carries past the idempotency guard, which only passes the request on. */
interface Routed {
  readonly match: RouteMatch<RouteHandler>;
  readonly subject: string;
}

/** The largest request body, in bytes. */
const MAX_BODY_BYTES = 1_048_576;

/** Joins two structured-field lists: a RateLimit header set before authentication and the user policy's. */
function appendHeader(response: ServerResponse, name: string, value: string): void {
  const existing = response.getHeader(name);
  response.setHeader(name, typeof existing === 'string' && existing !== '' ? `${existing}, ${value}` : value);
}

/**
 * The promises API as a `node:http` handler (the third argument is the abort signal of
 * `withTrafficGuards`). It answers the public documents and `/ready`, then, for API routes: matches
 * the route (4044/4050), authenticates the bearer token and checks the route's scope (401x/4034),
 * counts the request against the caller's rate limit (4290), passes it through the idempotency
 * guard (replay, 4094, 4221), parses the JSON body (4150/4001) and runs the route. It throws
 * catalog errors for `withErrors` to render.
 *
 * @example
 * ```ts
 * const app = createApp({ catalog, profile, router, auth, idempotency });
 * createServer(withErrors(withTrafficGuards(app, { shedder }), { catalog }));
 * ```
 */
export function createApp(
  options: AppOptions,
): (request: IncomingMessage, response: ServerResponse, signal?: AbortSignal) => Promise<void> {
  const { catalog, profile, router, auth, limiter, shedder } = options;
  const documents = options.documents ?? {};
  const routed = new WeakMap<IncomingMessage, Routed>();

  const run = withIdempotency(
    async (request, response, { body }) => {
      const state = routed.get(request) as Routed;
      const url = new URL(request.url ?? '/', 'http://localhost');
      const reply = await state.match.route.handler.handle({
        params: state.match.params,
        query: url.searchParams,
        body: parseJsonBody(request.headers, body, catalog),
      });
      sendReply(response, reply, profile, {
        kind: state.match.route.operationId,
        corrId: String(request.headers['x-request-id']),
      });
    },
    {
      guard: options.idempotency,
      // Keys are per caller: one caller's key never replays another's response.
      scope: (request) => routed.get(request)?.subject,
      maxBodyBytes: MAX_BODY_BYTES,
      catalog,
    },
  );

  return async (request, response, signal) => {
    const method = request.method ?? 'GET';
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const document = method === 'GET' ? documents[pathname] : undefined;
    if (document !== undefined) {
      response.writeHead(200, {
        'content-type': document.contentType,
        'content-length': Buffer.byteLength(document.body),
      });
      response.end(document.body);
      return;
    }
    if (method === 'GET' && pathname === '/ready') {
      if (shedder && !shedder.ready) throw catalog.SHUTTING_DOWN();
      sendReply(response, { status: 200, data: { ready: true } }, profile, { kind: 'ready' });
      return;
    }
    const match = router.match(method, pathname);
    const claims = await auth.authenticate(request.headers, [match.route.handler.scope]);
    // Tokens without a subject share one bucket and one idempotency key space.
    const subject = typeof claims.sub === 'string' ? claims.sub : '';
    if (limiter) {
      const { headers } = await limiter.check('user', {
        user: subject === '' ? undefined : subject,
        ip: request.socket.remoteAddress,
      });
      for (const [name, value] of Object.entries(headers)) appendHeader(response, name, value);
    }
    routed.set(request, { match, subject });
    await run(request, response, signal);
  };
}
