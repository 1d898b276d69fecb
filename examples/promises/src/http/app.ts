import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JwtAuth } from '@errcat/jwt';
import {
  type HeadersLike,
  type RenderContext,
  type RequestFacts,
  readHeader,
  resonateRequestContext,
  type WireProfile,
} from 'errcat';
import { createIdempotencyGuard, type IdempotencyGuard, parseIdempotencyKey } from 'errcat/idempotency';
import { type IdempotentHandler, withIdempotency } from 'errcat/node';
import type { RateLimiter } from 'errcat/rate-limit';
import type { LoadShedder } from 'errcat/shed';
import type { PromisesCatalog } from '../catalog/promises-catalog.js';
import { envelopeReader } from './envelope-endpoint.js';
import { parseJsonBody } from './json-body.js';
import { parseRequestTarget, requestTarget } from './request-target.js';
import type { Route, RouteMatch, Router } from './router.js';
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
  /**
   * Serve Resonate Server v0.9.5's one endpoint, `POST /`, which takes every operation as an
   * envelope (`{kind, head: {corrId, version, auth}, data}`) and answers 200 on success, as the
   * server does: what the `resonate` profile speaks.
   * @default false
   */
  readonly envelopes?: boolean;
}

/**
 * The promises API as a `node:http` handler, and the render context of a request's error for
 * `withErrors`: the `kind` and `corrId` envelope profiles echo.
 *
 * @example
 * ```ts
 * const app = createApp({ catalog, profile, router, auth, idempotency });
 * createServer(withErrors(app, { catalog, profile, context: app.context }));
 * ```
 */
export interface App {
  (request: IncomingMessage, response: ServerResponse, signal?: AbortSignal): Promise<void>;
  /**
   * `kind` and `corrId` for an error's envelope: for `POST /`, what the request envelope carried
   * (nothing when it could not be read: the profile then sends `"unknown"` and `"0"`, as the server
   * does); for the other routes, the route's kind and the `X-Request-Id`.
   */
  context(request: RequestFacts): Pick<RenderContext, 'kind' | 'corrId'>;
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
 * guard (replay, 4094, 4221), parses the JSON body (4150/4001) and runs the route. With
 * `envelopes`, `POST /` reads the body as an envelope first (4000 when it is not one), then
 * authenticates, counts and runs the route its `kind` names. It throws catalog errors for
 * `withErrors` to render, with `app.context` as their render context.
 *
 * @example
 * ```ts
 * const app = createApp({ catalog, profile, router, auth, idempotency, envelopes: true });
 * createServer(withErrors(withTrafficGuards(app, { shedder }), { catalog, profile, context: app.context }));
 * ```
 */
export function createApp(options: AppOptions): App {
  const { catalog, profile, router, auth, limiter, shedder } = options;
  const documents = options.documents ?? {};
  const routed = new WeakMap<IncomingMessage, Routed>();
  // Keyed by the headers object: `withErrors` hands its context function the request's headers,
  // not the request.
  const envelopeContexts = new WeakMap<object, Pick<RenderContext, 'kind' | 'corrId'>>();
  const readEnvelope = envelopeReader(router.routes, catalog);

  /** Authenticates the caller for the route's scope and counts the request; the token's subject. */
  const admit = async (
    request: IncomingMessage,
    response: ServerResponse,
    route: Route<RouteHandler>,
    credentials: HeadersLike,
  ): Promise<string> => {
    const claims = await auth.authenticate(credentials, [route.handler.scope]);
    // Tokens without a subject share one bucket and one idempotency key space.
    const subject = typeof claims.sub === 'string' ? claims.sub : '';
    if (limiter) {
      const { headers } = await limiter.check('user', {
        user: subject === '' ? undefined : subject,
        ip: request.socket.remoteAddress,
      });
      for (const [name, value] of Object.entries(headers)) appendHeader(response, name, value);
    }
    return subject;
  };

  /** The Idempotency-Key for a route that deduplicates by it itself; 4002 when it is malformed. */
  const ownKey = (request: IncomingMessage): { idempotencyKey?: string } => {
    const parsed = parseIdempotencyKey(request.headers['idempotency-key']);
    if (parsed === undefined) return {};
    if (!parsed.ok) throw catalog.IDEMPOTENCY_KEY_INVALID({ reason: parsed.reason });
    return { idempotencyKey: parsed.key };
  };

  const serve: IdempotentHandler = async (request, response, { body }) => {
    const { match } = routed.get(request) as Routed;
    const url = new URL(request.url ?? '/', 'http://localhost');
    const reply = await match.route.handler.handle({
      params: match.params,
      query: url.searchParams,
      body: parseJsonBody(request.headers, body, catalog),
      ...(match.route.handler.ownsIdempotencyKey ? ownKey(request) : {}),
    });
    sendReply(response, reply, profile, {
      kind: match.route.kind,
      corrId: String(request.headers['x-request-id']),
    });
  };
  const run = withIdempotency(serve, {
    guard: options.idempotency,
    // Keys are per caller: one caller's key never replays another's response.
    scope: (request) => routed.get(request)?.subject,
    maxBodyBytes: MAX_BODY_BYTES,
    catalog,
  });
  // Routes that deduplicate by the key themselves, and the envelope endpoint (its protocol has no
  // Idempotency-Key), pass the guard by: this one only reads bodies.
  const bodyOnly = { guard: createIdempotencyGuard({ methods: [] }), maxBodyBytes: MAX_BODY_BYTES, catalog };
  const runOwnKey = withIdempotency(serve, bodyOnly);

  const runEnvelope = withIdempotency(async (request, response, { body }) => {
    const json = parseJsonBody(request.headers, body, catalog);
    // What the envelope names is echoed even when it turns out not to be a valid one.
    envelopeContexts.set(request.headers, resonateRequestContext(json));
    const call = await readEnvelope(json);
    const credentials =
      call.token === undefined ? request.headers : { authorization: `Bearer ${call.token}` };
    await admit(request, response, call.route, credentials);
    const reply = await call.route.handler.handle(call.input);
    // The server answers every success 200: its promise.create too, created or found.
    sendReply(
      response,
      { status: reply.status === 204 ? 204 : 200, data: reply.data },
      profile,
      call.context,
    );
  }, bodyOnly);

  const handle = async (request: IncomingMessage, response: ServerResponse, signal?: AbortSignal) => {
    const method = request.method ?? 'GET';
    const { pathname } = requestTarget(request.url, catalog);
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
    if (options.envelopes && method === 'POST' && pathname === '/') {
      await runEnvelope(request, response, signal);
      return;
    }
    const match = router.match(method, pathname);
    const subject = await admit(request, response, match.route, request.headers);
    routed.set(request, { match, subject });
    await (match.route.handler.ownsIdempotencyKey ? runOwnKey : run)(request, response, signal);
  };

  const context = (request: RequestFacts): Pick<RenderContext, 'kind' | 'corrId'> => {
    const pathname = parseRequestTarget(request.url)?.pathname;
    if (pathname === undefined) return {};
    if (options.envelopes && request.method === 'POST' && pathname === '/') {
      return (request.headers && envelopeContexts.get(request.headers)) ?? {};
    }
    const kind = router.find(request.method ?? 'GET', pathname)?.route.kind;
    const corrId = readHeader(request.headers, 'x-request-id');
    return { ...(kind ? { kind } : {}), ...(corrId ? { corrId } : {}) };
  };

  return Object.assign(handle, { context });
}
