import { type RequestSchemas, type ValidatedParts, validateRequest } from 'errcat/validation';
import type { PromisesCatalog } from '../catalog/promises-catalog.js';
import type { Completion } from '../domain/lifecycle.js';
import type { Operations } from '../domain/operations.js';
import { refusePrototypeTag } from './prototype-tag.js';
import type { Route } from './router.js';
import { SEARCH_STATES, schemas } from './schemas.js';
import type { Reply } from './send-reply.js';

/**
 * The scopes a token may carry; each route needs one.
 *
 * @example
 * ```ts
 * await signToken({ secret, subject: 'reader', scopes: ['promises:read' satisfies Scope] });
 * ```
 */
export type Scope = 'promises:read' | 'promises:write' | 'tasks';

/**
 * What a route handler gets: the request's parts (unvalidated) and the service's operations.
 *
 * @example
 * ```ts
 * await route.handler.handle({ params: { id: 'p1' }, query: new URLSearchParams(), body: undefined });
 * ```
 */
export interface RouteInput {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The parsed JSON body, `undefined` when there was none. */
  readonly body: unknown;
  /** The request's Idempotency-Key, given to routes that deduplicate by it themselves. */
  readonly idempotencyKey?: string;
}

/**
 * A route's handler, the scope its caller needs and the schemas of its input.
 *
 * @example
 * ```ts
 * const reply = await match.route.handler.handle({ params: match.params, query, body });
 * ```
 */
export interface RouteHandler {
  readonly scope: Scope;
  /** The schemas the request's parts are validated with (the OpenAPI document shows them). */
  readonly parts: RequestSchemas;
  /** OpenAPI tags; `completion` marks the resolve, reject and cancel operations. */
  readonly tags?: readonly string[];
  /**
   * The route deduplicates by the Idempotency-Key itself (create, as seed 000 says), so the
   * idempotency guard, which replays stored responses, passes it by. @default false
   */
  readonly ownsIdempotencyKey?: boolean;
  handle(input: RouteInput): Promise<Reply>;
}

/**
 * The routes of the promises API. Each validates its input with Zod through errcat's
 * `validateRequest` (one 4000 with every violation), then runs one operation.
 *
 * @example
 * ```ts
 * const router = createRouter(promiseRoutes(operations, catalog), catalog);
 * ```
 */
export function promiseRoutes(operations: Operations, catalog: PromisesCatalog): Route<RouteHandler>[] {
  const validated = <S extends RequestSchemas>(
    scope: Scope,
    parts: S,
    run: (valid: ValidatedParts<S>, input: RouteInput) => Promise<Reply>,
    tags?: readonly string[],
  ): RouteHandler => ({
    scope,
    parts,
    ...(tags ? { tags } : {}),
    handle: async (input) => {
      const { params, query, body } = input;
      return run(await validateRequest(parts, { params, query, body }, { catalog }), input);
    },
  });
  const ok = async (data: Promise<unknown>): Promise<Reply> => ({ status: 200, data: await data });
  const byId = { params: schemas.params };
  const complete = (completion: Completion) =>
    validated(
      'promises:write',
      { params: schemas.params, body: schemas.completePromise },
      ({ params, body }) => ok(operations.completePromise(params.id, completion, body.value)),
      ['completion'],
    );
  const route = (
    method: string,
    path: string,
    operationId: string,
    kind: string,
    handler: RouteHandler,
  ): Route<RouteHandler> => ({ method, path, operationId, kind, handler });
  return [
    route('POST', '/promises', 'createPromise', 'promise.create', {
      ...validated('promises:write', { body: schemas.createPromise }, async ({ body }, input) => {
        refusePrototypeTag(input.body, catalog);
        const { promise, created } = await operations.createPromise({
          ...body,
          idempotencyKey: input.idempotencyKey,
        });
        return { status: created ? 201 : 200, data: promise };
      }),
      ownsIdempotencyKey: true,
    }),
    route(
      'GET',
      '/promises',
      'searchPromises',
      'promise.search',
      validated('promises:read', { query: schemas.searchPromises }, async ({ query }) => {
        const page = await operations.searchPromises({
          limit: query.limit,
          ...(query.id === undefined ? {} : { id: query.id }),
          ...(query.state === undefined ? {} : { states: SEARCH_STATES[query.state] }),
          ...(query.cursor === undefined ? {} : { after: Number(query.cursor) }),
        });
        const cursor = page.next === undefined ? {} : { cursor: String(page.next) };
        return { status: 200, data: { promises: page.promises, ...cursor } };
      }),
    ),
    route(
      'GET',
      '/promises/:id',
      'getPromise',
      'promise.get',
      validated('promises:read', byId, ({ params }) => ok(operations.getPromise(params.id))),
    ),
    route('POST', '/promises/:id/resolve', 'resolvePromise', 'promise.settle', complete('resolve')),
    route('POST', '/promises/:id/reject', 'rejectPromise', 'promise.settle', complete('reject')),
    route('POST', '/promises/:id/cancel', 'cancelPromise', 'promise.settle', complete('cancel')),
    route(
      'POST',
      '/subscriptions',
      'createSubscription',
      'subscription.create',
      validated('promises:write', { body: schemas.createSubscription }, async ({ body }) => {
        const { subscription, created } = await operations.createSubscription(body);
        return { status: created ? 201 : 200, data: subscription };
      }),
    ),
    route(
      'GET',
      '/subscriptions/:id',
      'getSubscription',
      'subscription.get',
      validated('promises:read', byId, ({ params }) => ok(operations.getSubscription(params.id))),
    ),
    route(
      'DELETE',
      '/subscriptions/:id',
      'deleteSubscription',
      'subscription.delete',
      validated('promises:write', byId, async ({ params }) => {
        await operations.deleteSubscription(params.id);
        return { status: 204 };
      }),
    ),
    route(
      'GET',
      '/tasks/:id',
      'getTask',
      'task.get',
      validated('tasks', byId, ({ params }) => ok(operations.getTask(params.id))),
    ),
    route(
      'POST',
      '/tasks/:id/claim',
      'claimTask',
      'task.acquire',
      validated('tasks', { params: schemas.params, body: schemas.claimTask }, ({ params, body }) =>
        ok(operations.claimTask(params.id, body)),
      ),
    ),
    route(
      'POST',
      '/tasks/:id/complete',
      'completeTask',
      'task.complete',
      validated('tasks', { params: schemas.params, body: schemas.completeTask }, ({ params, body }) =>
        ok(operations.completeTask(params.id, body.counter)),
      ),
    ),
  ];
}
