import type { HeadersLike } from '../http/headers-like.js';
import type { ErrorLogger } from './error-logger.js';

/**
 * What the server core needs to know about the request an error answers. Every field is optional:
 * an error rendered without a request still gets a valid response and a fresh request id.
 *
 * @example
 * ```ts
 * const facts: RequestFacts = { method: req.method, url: req.url, headers: req.headers };
 * responder.respond(error, facts);
 * ```
 */
export interface RequestFacts {
  /** The request method, such as `GET`. */
  readonly method?: string | undefined;
  /** The request target: the path with its query, as on the request line. */
  readonly url?: string | undefined;
  /** The request headers. */
  readonly headers?: HeadersLike | undefined;
  /** The request body, when the framework parsed it; read only by the `context` option. */
  readonly body?: unknown;
  /** A request-scoped logger (Fastify's `request.log`), used instead of the responder's own. */
  readonly log?: ErrorLogger | undefined;
}
