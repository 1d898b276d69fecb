import {
  createErrorResponder,
  type ErrorMapper,
  type ErrorResponderOptions,
  type ErrorResponse,
  type RequestFacts,
  roleError,
} from 'errcat';
import { roleForStatus } from 'errcat/adapter';
import type { Context, ErrorHandler, MiddlewareHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';

/**
 * Options of {@link errcat}: the server core's.
 *
 * @example
 * ```ts
 * const options: ErrcatOptions = { catalog, logger: false };
 * ```
 */
export interface ErrcatOptions extends ErrorResponderOptions {}

/**
 * The handlers to install with `app.onError`, `app.notFound` and `app.use`.
 *
 * @example
 * ```ts
 * const { onError, notFound, catchAll }: ErrcatHandlers = errcat({ catalog });
 * ```
 */
export interface ErrcatHandlers {
  /** Answers any `Error` thrown in a handler or middleware. */
  readonly onError: ErrorHandler;
  /** Answers any request no route matched with the `ROUTE_NOT_FOUND` role. */
  readonly notFound: NotFoundHandler;
  /**
   * Answers values thrown that are not `Error`s (a string, `null`, a plain object), which Hono does
   * not pass to `onError`; install it first with `app.use(handlers.catchAll)`.
   */
  readonly catchAll: MiddlewareHandler;
}

/** What Hono's JSON validator says when the body does not parse. */
const MALFORMED_JSON_MESSAGE = 'Malformed JSON in request body';

/**
 * Maps Hono's `HTTPException`s to catalog roles: the JSON validator's malformed-body error to
 * `MALFORMED_JSON`, `bodyLimit`'s 413 to `PAYLOAD_TOO_LARGE`, and any other by its status (401 to
 * `UNAUTHENTICATED`, 404 to `NOT_FOUND`…). The exception's own message and response are dropped.
 *
 * @example
 * ```ts
 * createErrorResponder({ catalog, mapError: errorMapper });
 * ```
 */
export const errorMapper: ErrorMapper = (thrown, catalog) => {
  if (!(thrown instanceof HTTPException)) return undefined;
  const role =
    thrown.status === 400 && thrown.message === MALFORMED_JSON_MESSAGE
      ? 'MALFORMED_JSON'
      : roleForStatus(thrown.status);
  return roleError(catalog, role, {}, { cause: thrown });
};

function facts(context: Context): RequestFacts {
  // The raw request target (path and query), as node:http would give it.
  const url = context.req.url;
  const path = url.indexOf('/', url.indexOf('//') + 2);
  return {
    method: context.req.method,
    url: path === -1 ? '/' : url.slice(path),
    headers: context.req.raw.headers,
  };
}

/** The request body as Hono read it (text or bytes), if the handler read it. */
function cachedBody(context: Context): Promise<string | Uint8Array> | undefined {
  // Hono's type names the values; at run time they are the promises of the reads.
  const { text, arrayBuffer } = context.req.bodyCache;
  if (text !== undefined) return Promise.resolve(text);
  if (arrayBuffer === undefined) return undefined;
  return Promise.resolve(arrayBuffer).then((buffer) => new Uint8Array(buffer));
}

/**
 * Whether `error` is what `c.req.json()` threw for this body: the body Hono read does not parse,
 * with the same message. Other `SyntaxError`s (a handler parsing something else) stay unexpected.
 */
function isBodyParseError(error: SyntaxError, body: string | Uint8Array): boolean {
  try {
    JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body));
    return false;
  } catch (parseError) {
    return parseError instanceof SyntaxError && parseError.message === error.message;
  }
}

function toResponse(rendered: ErrorResponse): Response {
  return new Response(rendered.body, { status: rendered.status, headers: rendered.headers });
}

/**
 * Hono handlers that answer every failure from the catalog: catalog errors in the negotiated wire
 * profile, Hono's `HTTPException`s as base roles ({@link errorMapper}), a malformed body that
 * `c.req.json()` refused as `MALFORMED_JSON` (400, like Fastify's and Express's parsers), unmatched routes as
 * `ROUTE_NOT_FOUND`, anything else as `INTERNAL_ERROR` without leaking it. They use Web APIs only,
 * so they run on Node, Bun, Deno and edge runtimes.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * import { errcat } from '@errcat/hono';
 *
 * const handlers = errcat({ catalog });
 * const app = new Hono();
 * app.use(handlers.catchAll);
 * app.get('/promises/:id', (c) => {
 *   throw catalog.PROMISE_NOT_FOUND({ id: c.req.param('id') });
 * });
 * app.onError(handlers.onError);
 * app.notFound(handlers.notFound);
 * ```
 */
export function errcat(options: ErrcatOptions = {}): ErrcatHandlers {
  const responder = createErrorResponder({
    ...options,
    mapError: [options.mapError ?? [], errorMapper].flat(),
  });
  const { catalog } = options;
  return {
    onError: (error, context) => {
      // A stack overflow may come from walking a hostile body (`c.json(body)`): the responder tells
      // by the body, which Hono keeps once read. A SyntaxError may be `c.req.json()` refusing a
      // malformed body: MALFORMED_JSON, as a framework's JSON parser answers it. Never read here for
      // the first time.
      const cached =
        error instanceof RangeError || error instanceof SyntaxError ? cachedBody(context) : undefined;
      if (cached === undefined) return toResponse(responder.respond(error, facts(context)));
      return cached.then(
        (body) =>
          error instanceof SyntaxError
            ? toResponse(
                responder.respond(
                  isBodyParseError(error, body)
                    ? roleError(catalog, 'MALFORMED_JSON', {}, { cause: error })
                    : error,
                  facts(context),
                ),
              )
            : toResponse(responder.respond(error, { ...facts(context), body })),
        () => toResponse(responder.respond(error, facts(context))),
      );
    },
    notFound: (context) =>
      toResponse(responder.respond(roleError(catalog, 'ROUTE_NOT_FOUND'), facts(context))),
    catchAll: async (context, next) => {
      try {
        await next();
      } catch (thrown) {
        // Only non-Error values get here: Hono hands every Error to onError inside `next`.
        context.res = toResponse(responder.respond(thrown, facts(context)));
      }
    },
  };
}
