import type { IncomingMessage, ServerResponse } from 'node:http';
import { createErrorResponder, type ErrorResponse } from '../server/create-error-responder.js';
import type { ErrorResponderOptions } from '../server/error-responder-options.js';

/**
 * A `node:http` request handler, synchronous or async.
 *
 * @example
 * ```ts
 * const handler: NodeHandler = async (req, res) => res.end('ok');
 * ```
 */
export type NodeHandler = (request: IncomingMessage, response: ServerResponse) => unknown;

/**
 * Wraps a `node:http` handler so that whatever it throws (or its promise rejects with) is answered
 * by errcat: catalog errors in the chosen wire profile, anything else as the catalog's
 * `INTERNAL_ERROR` role without leaking the exception. If the handler had already started the
 * response, the error is logged and the connection closed, so the client sees a truncated response
 * rather than a body that looks complete.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { withErrors } from 'errcat/node';
 *
 * createServer(
 *   withErrors(async (req, res) => {
 *     throw catalog.PROMISE_NOT_FOUND({ id: 'p1' });
 *   }, { catalog }),
 * ).listen(3000);
 * ```
 */
export function withErrors(
  handler: NodeHandler,
  options: ErrorResponderOptions = {},
): (request: IncomingMessage, response: ServerResponse) => void {
  const responder = createErrorResponder(options);
  const fail = (request: IncomingMessage, response: ServerResponse, thrown: unknown): void => {
    const rendered = responder.respond(thrown, {
      method: request.method,
      url: request.url,
      headers: request.headers,
    });
    sendErrorResponse(response, rendered);
  };
  return (request, response) => {
    try {
      const result = handler(request, response);
      if (isPromiseLike(result)) result.then(undefined, (thrown: unknown) => fail(request, response, thrown));
    } catch (thrown) {
      fail(request, response, thrown);
    }
  };
}

/**
 * Writes an errcat response to a `node:http` response; when the headers were already sent it
 * closes the connection instead, and when the response already ended it does nothing.
 *
 * @example
 * ```ts
 * const responder = createErrorResponder({ catalog });
 * sendErrorResponse(res, responder.respond(error, { method: req.method, url: req.url, headers: req.headers }));
 * ```
 */
export function sendErrorResponse(response: ServerResponse, rendered: ErrorResponse): void {
  if (response.writableEnded) return;
  if (response.headersSent) {
    response.destroy();
    return;
  }
  // Headers the handler set about the content it meant to send no longer apply; others (CORS,
  // cookies) stay, as Express's final handler does.
  for (const name of STALE_CONTENT_HEADERS) response.removeHeader(name);
  // Copied key by key: a spread copy that then gains a key costs Node's header writer about a
  // microsecond more per response (measured), and this runs on every error.
  const headers: Record<string, string | number> = {};
  for (const name in rendered.headers) headers[name] = rendered.headers[name] as string;
  headers['content-length'] = Buffer.byteLength(rendered.body);
  response.writeHead(rendered.status, headers);
  response.end(rendered.body);
}

const STALE_CONTENT_HEADERS = ['content-encoding', 'content-language', 'content-range'] as const;

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
