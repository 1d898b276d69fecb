import {
  type BaseRole,
  createErrorResponder,
  type ErrorMapper,
  type ErrorResponderOptions,
  type RequestFacts,
  roleError,
} from 'errcat';
import { roleForStatus } from 'errcat/adapter';
import { sendErrorResponse } from 'errcat/node';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';

/**
 * Options of {@link errcat}: the server core's.
 *
 * @example
 * ```ts
 * const options: ErrcatOptions = { catalog, codeHeader: 'x-error-code' };
 * ```
 */
export interface ErrcatOptions extends ErrorResponderOptions {}

/**
 * The two handlers to mount: `notFound` after every route, `errorHandler` last.
 *
 * @example
 * ```ts
 * const { notFound, errorHandler }: ErrcatHandlers = errcat({ catalog });
 * ```
 */
export interface ErrcatHandlers {
  /** Answers any request no route matched with the `ROUTE_NOT_FOUND` role. */
  readonly notFound: RequestHandler;
  /** Answers any error passed to `next(error)` or thrown (also from async handlers, in Express 5). */
  readonly errorHandler: ErrorRequestHandler;
}

/** The `type` of body-parser's errors (express.json(), express.urlencoded()…) that have a specific role. */
const ROLE_BY_TYPE: ReadonlyMap<string, BaseRole> = new Map<string, BaseRole>([
  ['entity.parse.failed', 'MALFORMED_JSON'],
  ['entity.too.large', 'PAYLOAD_TOO_LARGE'],
  ['encoding.unsupported', 'UNSUPPORTED_MEDIA_TYPE'],
  ['charset.unsupported', 'UNSUPPORTED_MEDIA_TYPE'],
]);

/**
 * Maps Express's own errors to catalog roles: body-parser's (bad JSON to `MALFORMED_JSON`, too
 * large to `PAYLOAD_TOO_LARGE`, an unsupported charset or encoding to `UNSUPPORTED_MEDIA_TYPE`,
 * others by status) and the router's undecodable path parameters (`BAD_REQUEST`).
 *
 * @example
 * ```ts
 * createErrorResponder({ catalog, mapError: errorMapper });
 * ```
 */
export const errorMapper: ErrorMapper = (thrown, catalog) => {
  if (typeof thrown !== 'object' || thrown === null) return undefined;
  const { type, status } = thrown as { type?: unknown; status?: unknown };
  if (typeof status !== 'number') return undefined;
  // body-parser marks its errors with a dotted `type`; the router's decode failure is a URIError.
  if (typeof type === 'string' && /^[a-z]+(\.[a-z]+)+$/.test(type)) {
    return roleError(catalog, ROLE_BY_TYPE.get(type) ?? roleForStatus(status), {}, { cause: thrown });
  }
  if (thrown instanceof URIError && status === 400)
    return roleError(catalog, 'BAD_REQUEST', {}, { cause: thrown });
  return undefined;
};

function facts(request: Request): RequestFacts {
  return { method: request.method, url: request.originalUrl, headers: request.headers, body: request.body };
}

/**
 * Express 5 handlers that answer every failure from the catalog: catalog errors in the negotiated
 * wire profile, body-parser's errors as their base roles ({@link errorMapper}), unmatched
 * routes as `ROUTE_NOT_FOUND`, and anything else as `INTERNAL_ERROR` without leaking it. If the
 * response had already started, the error is logged and the connection closed.
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { errcat } from '@errcat/express';
 *
 * const handlers = errcat({ catalog });
 * const app = express();
 * app.use(express.json());
 * app.get('/promises/:id', async (req) => {
 *   throw catalog.PROMISE_NOT_FOUND({ id: req.params.id });
 * });
 * app.use(handlers.notFound);
 * app.use(handlers.errorHandler);
 * ```
 */
export function errcat(options: ErrcatOptions = {}): ErrcatHandlers {
  const responder = createErrorResponder({
    ...options,
    mapError: [options.mapError ?? [], errorMapper].flat(),
  });
  const { catalog } = options;
  return {
    notFound: (request, response) => {
      sendErrorResponse(response, responder.respond(roleError(catalog, 'ROUTE_NOT_FOUND'), facts(request)));
    },
    errorHandler: (error, request, response, _next) => {
      sendErrorResponse(response, responder.respond(error, facts(request)));
    },
  };
}
