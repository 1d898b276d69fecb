import { RESONATE_PROTOCOL_VERSION } from 'errcat';
import { validateRequest } from 'errcat/validation';
import { z } from 'zod';
import type { PromisesCatalog } from '../catalog/promises-catalog.js';
import type { Route } from './router.js';
import type { RouteHandler, RouteInput } from './routes.js';

/** The route `promise.settle` runs, by the state the envelope settles the promise to (the server's names). */
const SETTLE_ROUTES = {
  resolved: 'resolvePromise',
  rejected: 'rejectPromise',
  rejected_canceled: 'cancelPromise',
} as const;

const settleData = z.object({
  state: z.enum(Object.keys(SETTLE_ROUTES) as [keyof typeof SETTLE_ROUTES]),
});

/**
 * A request to the envelope endpoint, read: the route its `kind` names, the route's input taken
 * from `data`, what the response echoes, and the token `head.auth` carries.
 *
 * @example
 * ```ts
 * const call = await readEnvelope({ kind: 'promise.get', head: { corrId: 'c1', version: '2026-04-01' }, data: { id: 'p1' } });
 * call.route.operationId; // 'getPromise'
 * ```
 */
export interface EnvelopeCall {
  readonly route: Route<RouteHandler>;
  readonly input: RouteInput;
  /** The request's `kind` and `head.corrId`, which the response envelope echoes. */
  readonly context: { readonly kind: string; readonly corrId: string };
  /** The bearer token from `head.auth` (a bare JWT, as the server reads it), when there is one. */
  readonly token: string | undefined;
}

/**
 * Reads the envelopes Resonate Server v0.9.5 takes at its one endpoint, `POST /`:
 * `{"kind":"promise.get","head":{"corrId":"c1","version":"2026-04-01","auth":"<jwt>"},"data":{"id":"p1"}}`.
 * `kind` names a route (`promise.settle` picks resolve, reject or cancel by `data.state`:
 * `resolved`, `rejected`, `rejected_canceled`); `data` holds the route's input: `data.id` is the
 * path's id, and `data` is the body (or, for a read, the query). An envelope that is not one, an
 * unknown kind or an unsupported version is a 4000 listing what is wrong, as the server answers 400.
 *
 * @example
 * ```ts
 * const readEnvelope = envelopeReader(routes, catalog);
 * const { route, input, context } = await readEnvelope(JSON.parse(body));
 * const reply = await route.handler.handle(input);
 * ```
 */
export function envelopeReader(
  routes: readonly Route<RouteHandler>[],
  catalog: PromisesCatalog,
): (json: unknown) => Promise<EnvelopeCall> {
  const kinds = [...new Set(routes.map((route) => route.kind))] as [string, ...string[]];
  const envelope = z.object({
    kind: z.enum(kinds),
    head: z.object({
      corrId: z.string().max(256),
      version: z.literal(RESONATE_PROTOCOL_VERSION),
      auth: z.string().optional(),
    }),
    data: z.record(z.string(), z.unknown()),
  });
  const byKind = new Map(routes.map((route) => [route.kind, route]));
  const byOperation = new Map(routes.map((route) => [route.operationId, route]));
  return async (json) => {
    const { body } = await validateRequest({ body: envelope }, { body: json }, { catalog });
    const { kind, head, data } = body;
    let route = byKind.get(kind) as Route<RouteHandler>;
    if (kind === 'promise.settle') {
      const settle = await validateRequest({ body: settleData }, { body: data }, { catalog });
      route = byOperation.get(SETTLE_ROUTES[settle.body.state]) as Route<RouteHandler>;
    }
    const read = route.method === 'GET' || route.method === 'DELETE';
    // A read takes its filters as query parameters, which are strings.
    const query = new URLSearchParams();
    if (route.method === 'GET') {
      for (const [name, value] of Object.entries(data)) {
        if (typeof value === 'string' || typeof value === 'number') query.set(name, String(value));
      }
    }
    return {
      route,
      input: {
        params: typeof data.id === 'string' ? { id: data.id } : {},
        query,
        body: read ? undefined : data,
      },
      context: { kind, corrId: head.corrId },
      token: head.auth,
    };
  };
}
