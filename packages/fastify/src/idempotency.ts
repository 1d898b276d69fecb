import {
  beginIdempotent,
  DEFAULT_MAX_RESPONSE_BYTES,
  type IdempotencyHookOptions,
  storesNothing,
} from 'errcat/adapter';
import type { IdempotencyClaimHandle } from 'errcat/idempotency';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Options of {@link idempotency}: the guard's integration options, and a size limit.
 *
 * @example
 * ```ts
 * const options: IdempotencyOptions = { guard, scope: (request) => request.user?.id };
 * ```
 */
export interface IdempotencyOptions extends IdempotencyHookOptions<FastifyRequest> {
  /** The largest response stored, in bytes; a larger one is sent but not stored. @default `DEFAULT_MAX_RESPONSE_BYTES` (1 MiB) */
  readonly maxResponseBytes?: number;
}

interface Claim {
  readonly handle: IdempotencyClaimHandle;
  noEffect: boolean;
}

/**
 * A Fastify plugin for the idempotency guard, for the routes of the scope it is registered in (like
 * `errcat` it adds its hooks to that scope: register it inside the scope of the routes it
 * guards). In `preHandler`, after
 * validation, the first request with an `Idempotency-Key` claims the key, a repeat gets the stored
 * response with `Idempotent-Replayed: true`, and refusals (400, 409, 422, 503) are thrown as catalog
 * errors for `errcat` to render. In `onSend` the final response (errors included) is stored
 * before it is sent; an error proving the request had no effect (seen in `onError`) stores nothing.
 * Streamed responses, and those over `maxResponseBytes`, are not stored: their key is freed.
 *
 * @example
 * ```ts
 * import { createIdempotencyGuard } from 'errcat/idempotency';
 * import { errcat, idempotency } from '@errcat/fastify';
 *
 * await app.register(errcat, { catalog });
 * await app.register(async (orders) => {
 *   await orders.register(idempotency, { guard: createIdempotencyGuard({ store }), required: true });
 *   orders.post('/orders', async () => createOrder());
 * });
 * ```
 */
export function idempotency(
  fastify: FastifyInstance,
  options: IdempotencyOptions,
  done: (error?: Error) => void,
): void {
  const noEffect = options.storesNothing ?? storesNothing;
  const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const claims = new WeakMap<FastifyRequest, Claim>();

  fastify.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const start = await beginIdempotent(options, request, {
      method: request.method,
      path: request.url,
      body: request.body,
      contentType: request.headers['content-type'],
      key: request.headers['idempotency-key'],
    });
    if (start.kind === 'claimed') claims.set(request, { handle: start, noEffect: false });
    else if (start.kind === 'replay') {
      const { status, headers, body } = start.response;
      return reply
        .code(status)
        .headers(headers as Record<string, string | string[]>)
        .send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    }
  });

  fastify.addHook('onError', async (request, _reply, error) => {
    const claim = claims.get(request);
    if (claim && noEffect(error)) claim.noEffect = true;
  });

  fastify.addHook('onSend', async (request, reply, payload) => {
    const claim = claims.get(request);
    if (claim === undefined) return payload;
    claims.delete(request);
    const body =
      payload === null || payload === undefined
        ? new Uint8Array(0)
        : typeof payload === 'string'
          ? Buffer.from(payload)
          : payload instanceof Uint8Array
            ? payload
            : undefined;
    if (claim.noEffect || body === undefined || body.byteLength > limit) await claim.handle.abandon();
    else {
      const headers: Record<string, string | readonly string[]> = {};
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.map(String) : String(value);
      }
      await claim.handle.complete({ status: reply.statusCode, headers, body });
    }
    return payload;
  });

  // A response that bypassed onSend (`reply.hijack()`, writes to `reply.raw`) stored nothing.
  fastify.addHook('onResponse', async (request) => {
    const claim = claims.get(request);
    if (claim === undefined) return;
    claims.delete(request);
    await claim.handle.abandon();
  });

  done();
}

// Like errcat: no encapsulation of its own, so its hooks apply to the scope it is registered in.
Object.assign(idempotency, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: '@errcat/fastify idempotency',
  [Symbol.for('plugin-meta')]: { name: '@errcat/fastify-idempotency', fastify: '5.x' },
});
