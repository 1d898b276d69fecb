import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CatalogSpec } from '../catalog-spec.js';
import type { CatalogMethods } from '../catalog-types.js';
import { beginIdempotent, type IdempotencyHookOptions } from '../guards/idempotency/begin-idempotent.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../guards/idempotency/default-max-response-bytes.js';
import type { StoredResponse } from '../guards/idempotency/idempotency-store.js';
import { storesNothing } from '../guards/idempotency/stores-nothing.js';
import { isJsonMediaType } from '../http/json-media-type.js';
import { DEFAULT_MAX_BODY_DEPTH, jsonTextDeeperThan } from '../internal/json-depth.js';
import { roleError } from '../role-error.js';
import { captureResponse } from './capture-response.js';
import { readBody } from './read-body.js';

/** What an idempotent handler gets besides the request and response. */
export interface IdempotentContext {
  /** The request body, read whole by the guard (the request stream is consumed). */
  readonly body: Buffer;
  /** Aborted when the request's deadline passes or its client leaves (from `withTrafficGuards`). */
  readonly signal: AbortSignal | undefined;
}

/** A `node:http` handler behind {@link withIdempotency}: it reads the body from `context.body`. */
export type IdempotentHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  context: IdempotentContext,
) => unknown;

/** Options of {@link withIdempotency}: the guard's integration options, and limits. */
export interface IdempotencyOptions extends IdempotencyHookOptions<IncomingMessage> {
  /** The largest request body read, in bytes; larger ones get `PAYLOAD_TOO_LARGE` (413). @default 1048576 */
  readonly maxBodyBytes?: number;
  /**
   * The deepest nesting of objects and arrays in a JSON body (by its Content-Type); a deeper one
   * gets `BODY_TOO_DEEP` (400) before the guard or the handler sees it, so that no recursive walk
   * of it (a fingerprint, `JSON.stringify`, a validator) can overflow the stack.
   * @default 64 (as ASP.NET Core's JSON reader)
   */
  readonly maxBodyDepth?: number;
  /**
   * Milliseconds the client gets to send the body; a slower one gets `REQUEST_TIMEOUT` (408,
   * `Connection: close`). A body `withTrafficGuards` read already (its `body` option) is not read again.
   * @default no deadline (the server's `requestTimeout`)
   */
  readonly bodyDeadline?: number;
  /**
   * The largest response stored, in bytes. A larger one is sent but not stored, and its key is
   * freed: a retry runs the handler again.
   * @default `DEFAULT_MAX_RESPONSE_BYTES` (1 MiB)
   */
  readonly maxResponseBytes?: number;
  /** The catalog whose `PAYLOAD_TOO_LARGE`, `REQUEST_TIMEOUT` and `BODY_TOO_DEEP` entries answer such bodies. @default the base catalog */
  readonly catalog?: CatalogMethods<CatalogSpec>;
}

/**
 * Sends a stored response (a replay) on a `node:http` response: its status, headers and body, with
 * the headers set before (rate-limit state, CORS) kept.
 *
 * @example
 * ```ts
 * if (start.kind === 'replay') return sendStoredResponse(res, start.response);
 * ```
 */
export function sendStoredResponse(response: ServerResponse, stored: StoredResponse): void {
  for (const [name, value] of Object.entries(stored.headers)) response.setHeader(name, value);
  response.setHeader('content-length', stored.body.length);
  response.statusCode = stored.status;
  response.end(stored.body);
}

/**
 * Puts the idempotency guard in front of a `node:http` handler. For a covered method with an
 * `Idempotency-Key`, the first request runs and its final response (status, headers, body, errors
 * rendered by `withErrors` included) is stored before it is sent; a repeat gets the stored
 * response with `Idempotent-Replayed: true`. A handler that throws an error proving the request had
 * no effect (a catalog error marked `notApplied`, a validation failure) stores nothing, and neither does a response that never
 * ends (the connection broke): the key is freed for a retry. Refusals are catalog errors: wrap the
 * result in `withErrors` to render them.
 *
 * Composes with `withTrafficGuards`: shedding and rate limits first, then this guard, then your
 * handler.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createIdempotencyGuard } from 'errcat/idempotency';
 * import { withErrors, withIdempotency } from 'errcat/node';
 *
 * const guard = createIdempotencyGuard({ required: true });
 * createServer(
 *   withErrors(
 *     withIdempotency(async (req, res, { body }) => {
 *       const order = await createOrder(JSON.parse(body.toString()));
 *       res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(order));
 *     }, { guard, scope: (req) => String(req.headers['x-api-key-id']) }),
 *     { catalog },
 *   ),
 * ).listen(3000);
 * ```
 */
export function withIdempotency(
  handler: IdempotentHandler,
  options: IdempotencyOptions,
): (request: IncomingMessage, response: ServerResponse, signal?: AbortSignal) => Promise<void> {
  const { catalog } = options;
  const maxBody = options.maxBodyBytes ?? 1_048_576;
  const maxDepth = options.maxBodyDepth ?? DEFAULT_MAX_BODY_DEPTH;
  const maxResponse = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const noEffect = options.storesNothing ?? storesNothing;
  return async (request, response, signal) => {
    const body = await readBody(request, { maxBytes: maxBody, deadline: options.bodyDeadline, catalog });
    if (isJsonMediaType(request.headers['content-type']) && jsonTextDeeperThan(body, maxDepth)) {
      throw roleError(catalog, 'BODY_TOO_DEEP', { maxDepth });
    }
    const context: IdempotentContext = { body, signal };
    const start = await beginIdempotent(options, request, {
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      body,
      contentType: request.headers['content-type'],
      key: request.headers['idempotency-key'],
    });
    if (start.kind === 'replay') {
      sendStoredResponse(response, start.response);
      return;
    }
    if (start.kind === 'unguarded') {
      await handler(request, response, context);
      return;
    }
    const capture = captureResponse(response, maxResponse, (captured) =>
      captured === undefined ? start.abandon() : start.complete(captured),
    );
    const run = (async () => handler(request, response, context))();
    // A response that closed before it ended (the client left) is no final response yet: the
    // handler may still end it, which stores it. Only once the handler is done is the key freed, or
    // a retry could run beside it.
    response.once('close', () => {
      if (!response.writableEnded) void run.then(start.abandon, start.abandon);
    });
    try {
      await run;
    } catch (error) {
      if (noEffect(error)) {
        capture.detach();
        await start.abandon();
      }
      throw error;
    }
  };
}
