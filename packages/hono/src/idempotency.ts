import {
  beginIdempotent,
  DEFAULT_MAX_RESPONSE_BYTES,
  type IdempotencyHookOptions,
  type StoredResponse,
  storesNothing,
} from 'errcat/adapter';
import type { Context, MiddlewareHandler } from 'hono';

/**
 * Options of {@link idempotency}: the guard's integration options, and a size limit.
 *
 * @example
 * ```ts
 * const options: IdempotencyOptions = { guard, scope: (c) => c.get('userId') };
 * ```
 */
export interface IdempotencyOptions extends IdempotencyHookOptions<Context> {
  /** The largest response stored, in bytes; a larger one is sent but not stored. @default `DEFAULT_MAX_RESPONSE_BYTES` (1 MiB) */
  readonly maxResponseBytes?: number;
}

/** Reads a response body up to `limit` bytes; `undefined` when it is longer. */
async function readBounded(response: Response, limit: number): Promise<Uint8Array | undefined> {
  const reader = response.body?.getReader();
  if (reader === undefined) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: cancelling one branch of a tee (`clone()`) resolves only once the other, the
      // response being sent, is cancelled too, which would hold the response forever.
      void reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function headersOf(response: Response): Record<string, string | readonly string[]> {
  const headers: Record<string, string | readonly string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  return headers;
}

function replay(stored: StoredResponse): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(stored.headers)) {
    for (const item of typeof value === 'string' ? [value] : value) headers.append(name, item);
  }
  return new Response(stored.body.byteLength === 0 ? null : (stored.body as Uint8Array<ArrayBuffer>), {
    status: stored.status,
    headers,
  });
}

/**
 * Hono middleware for the idempotency guard: for a covered method with an `Idempotency-Key`, the
 * first request runs and its final response (status, headers, body, errors rendered by
 * `errcat().onError` included) is stored before it is returned; a repeat gets the stored
 * response with `Idempotent-Replayed: true`. An error proving the request had no effect stores
 * nothing. Refusals (400, 409, 422, 503) are thrown as catalog errors for `onError` to render.
 * Web APIs only: it runs on every runtime Hono does.
 *
 * @example
 * ```ts
 * import { createIdempotencyGuard } from 'errcat/idempotency';
 * import { errcat, idempotency } from '@errcat/hono';
 *
 * const guard = createIdempotencyGuard({ store });
 * app.use('/orders/*', idempotency({ guard, required: true }));
 * app.onError(errcat({ catalog }).onError);
 * ```
 */
export function idempotency(options: IdempotencyOptions): MiddlewareHandler {
  const noEffect = options.storesNothing ?? storesNothing;
  const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    const url = new URL(c.req.url);
    const start = await beginIdempotent(options, c, {
      method: c.req.method,
      path: `${url.pathname}${url.search}`,
      // Hono keeps the body, so the handler can still read it.
      body: key === undefined ? undefined : new Uint8Array(await c.req.arrayBuffer()),
      contentType: c.req.header('content-type'),
      key,
    });
    if (start.kind === 'replay') return replay(start.response);
    if (start.kind === 'unguarded') return next();
    try {
      await next();
    } catch (error) {
      // Thrown past onError (or no onError installed): no final response to store.
      await start.abandon();
      throw error;
    }
    if (c.error !== undefined && noEffect(c.error)) {
      await start.abandon();
      return;
    }
    const body = await readBounded(c.res.clone(), limit);
    if (body === undefined) await start.abandon();
    else await start.complete({ status: c.res.status, headers: headersOf(c.res), body });
  };
}
