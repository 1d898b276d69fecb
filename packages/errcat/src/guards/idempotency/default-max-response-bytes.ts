/**
 * The largest response an idempotency integration stores when its `maxResponseBytes` is left
 * out: 1 MiB. A larger response is sent but not stored, and its key is freed, so a retry runs the
 * handler again. Every adapter (`withIdempotency` of `errcat/node`, and `idempotency` of
 * `@errcat/fastify`, `@errcat/express` and `@errcat/hono`) caps at this by default.
 *
 * @example
 * ```ts
 * const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
 * ```
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 1_048_576;
