import {
  beginIdempotent,
  DEFAULT_MAX_RESPONSE_BYTES,
  type IdempotencyHookOptions,
  storesNothing,
} from 'errcat/adapter';
import type { IdempotencyClaimHandle } from 'errcat/idempotency';
import { captureResponse, type ResponseCapture, sendStoredResponse } from 'errcat/node';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';

/**
 * Options of {@link idempotency}: the guard's integration options, and a size limit.
 *
 * @example
 * ```ts
 * const options: IdempotencyOptions = { guard, scope: (req) => req.user?.id };
 * ```
 */
export interface IdempotencyOptions extends IdempotencyHookOptions<Request> {
  /** The largest response stored, in bytes; a larger one is sent but not stored. @default `DEFAULT_MAX_RESPONSE_BYTES` (1 MiB) */
  readonly maxResponseBytes?: number;
}

/**
 * The two handlers of {@link idempotency}.
 *
 * @example
 * ```ts
 * const { guard, errorHandler }: IdempotencyHandlers = idempotency({ guard });
 * ```
 */
export interface IdempotencyHandlers {
  /** Claims the key or replays the stored response; mount it after the body parser. */
  readonly guard: RequestHandler;
  /** Frees the key of a request failing with a no-effect error; mount it before errcat's `errorHandler`. */
  readonly errorHandler: ErrorRequestHandler;
}

interface Claim {
  readonly handle: IdempotencyClaimHandle;
  readonly capture: ResponseCapture;
}

/**
 * Express middleware for the idempotency guard. `guard` (after `express.json()`, so the body is
 * parsed) lets the first request with an `Idempotency-Key` run, and stores its final response
 * (errors rendered by errcat's `errorHandler` included) before it is sent; a repeat gets the stored
 * response with `Idempotent-Replayed: true`; refusals (400, 409, 422, 503) go to `next` as catalog
 * errors. `errorHandler` frees the key when the error proves the request had no effect. Express
 * cannot tell when a handler finishes, so a request whose client leaves stops renewing its lease:
 * its key frees itself after the lease unless the handler answers first.
 *
 * @example
 * ```ts
 * import { createIdempotencyGuard } from 'errcat/idempotency';
 * import { errcat, idempotency } from '@errcat/express';
 *
 * const handlers = errcat({ catalog });
 * const idempotent = idempotency({ guard: createIdempotencyGuard({ store }) });
 * app.use(express.json());
 * app.post('/orders', idempotent.guard, createOrder);
 * app.use(idempotent.errorHandler, handlers.errorHandler);
 * ```
 */
export function idempotency(options: IdempotencyOptions): IdempotencyHandlers {
  const noEffect = options.storesNothing ?? storesNothing;
  const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const claims = new WeakMap<Response, Claim>();
  return {
    guard: async (req, res, next) => {
      const start = await beginIdempotent(options, req, {
        method: req.method,
        path: req.originalUrl,
        body: req.body,
        contentType: req.headers['content-type'],
        key: req.headers['idempotency-key'],
      });
      if (start.kind === 'replay') return sendStoredResponse(res, start.response);
      if (start.kind === 'claimed') {
        const capture = captureResponse(res, limit, (captured) =>
          captured === undefined ? start.abandon() : start.complete(captured),
        );
        claims.set(res, { handle: start, capture });
        res.once('close', () => {
          if (!res.writableEnded) start.lapse();
        });
      }
      next();
    },
    errorHandler: async (error, _req, res, next) => {
      const claim = claims.get(res);
      if (claim !== undefined && noEffect(error)) {
        claims.delete(res);
        claim.capture.detach();
        await claim.handle.abandon();
      }
      next(error);
    },
  };
}
