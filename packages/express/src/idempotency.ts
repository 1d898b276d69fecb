import {
  beginIdempotent,
  type IdempotencyClaimHandle,
  type IdempotencyHookOptions,
  storesNothing,
} from 'errcat';
import { captureResponse, type ResponseCapture, sendStoredResponse } from 'errcat/node';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';

/**
 * Options of {@link idempotencyMiddleware}: the guard's integration options, and a size limit.
 *
 * @example
 * ```ts
 * const options: ExpressIdempotencyOptions = { guard, scope: (req) => req.user?.id };
 * ```
 */
export interface ExpressIdempotencyOptions extends IdempotencyHookOptions<Request> {
  /** The largest response stored, in bytes; a larger one is sent but not stored. @default 1048576 */
  readonly maxResponseBytes?: number;
}

/**
 * The two handlers of {@link idempotencyMiddleware}.
 *
 * @example
 * ```ts
 * const { guard, errorHandler }: ExpressIdempotencyHandlers = idempotencyMiddleware({ guard: idempotency });
 * ```
 */
export interface ExpressIdempotencyHandlers {
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
 * import { createIdempotencyGuard } from 'errcat';
 * import { errcatMiddleware, idempotencyMiddleware } from '@errcat/express';
 *
 * const errcat = errcatMiddleware({ catalog });
 * const idempotency = idempotencyMiddleware({ guard: createIdempotencyGuard({ store }) });
 * app.use(express.json());
 * app.post('/orders', idempotency.guard, createOrder);
 * app.use(idempotency.errorHandler, errcat.errorHandler);
 * ```
 */
export function idempotencyMiddleware(options: ExpressIdempotencyOptions): ExpressIdempotencyHandlers {
  const noEffect = options.storesNothing ?? storesNothing;
  const limit = options.maxResponseBytes ?? 1_048_576;
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
