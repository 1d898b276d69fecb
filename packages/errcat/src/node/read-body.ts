import type { IncomingMessage } from 'node:http';
import type { CatalogSpec } from '../catalog-spec.js';
import type { CatalogMethods } from '../catalog-types.js';
import { roleError } from '../role-error.js';

/** Limits of {@link readBody}. */
export interface ReadBodyLimits {
  /** The largest body, in bytes; a larger one gets `PAYLOAD_TOO_LARGE` (413). */
  readonly maxBytes: number;
  /**
   * Milliseconds the client gets to send the whole body, from the first read; a slower one gets
   * `REQUEST_TIMEOUT` (408, `Connection: close`).
   * @default no deadline
   */
  readonly deadline?: number | undefined;
  /** The catalog whose `PAYLOAD_TOO_LARGE` and `REQUEST_TIMEOUT` entries answer. @default the base catalog */
  readonly catalog?: CatalogMethods<CatalogSpec> | undefined;
}

/** Each request's body read, so that a second reader (a guard, then the handler) gets the same bytes. */
const reads = new WeakMap<IncomingMessage, Promise<Buffer>>();

/**
 * Reads a request body whole, once: a second call for the same request resolves with the bytes
 * the first read (checked against its own `maxBytes`). More than `maxBytes` is refused with the
 * catalog's `PAYLOAD_TOO_LARGE` (413), a body not received within `deadline` with
 * `REQUEST_TIMEOUT` (408); both ask for `Connection: close`, so the rest of the body is never read.
 *
 * @example
 * ```ts
 * const body = await readBody(request, { maxBytes: 1_048_576, deadline: 10_000, catalog });
 * ```
 */
export async function readBody(request: IncomingMessage, limits: ReadBodyLimits): Promise<Buffer> {
  const tooLarge = () =>
    roleError(limits.catalog, 'PAYLOAD_TOO_LARGE', {}, { headers: { connection: 'close' } });
  let read = reads.get(request);
  if (read === undefined) {
    if (Number(request.headers['content-length']) > limits.maxBytes) throw tooLarge();
    read = readStream(request, limits, tooLarge);
    reads.set(request, read);
  }
  const body = await read;
  if (body.length > limits.maxBytes) throw tooLarge();
  return body;
}

function readStream(
  request: IncomingMessage,
  { maxBytes, deadline, catalog }: ReadBodyLimits,
  tooLarge: () => Error,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) fail(tooLarge());
      else chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    // A client that leaves mid-body ends the stream with `close` and no `end`.
    const onClose = () => fail(new Error('the client closed the connection before the body ended'));
    const timer =
      deadline === undefined
        ? undefined
        : setTimeout(() => fail(roleError(catalog, 'REQUEST_TIMEOUT', {})), deadline);
    const cleanup = () => {
      clearTimeout(timer);
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', fail);
      request.off('close', onClose);
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', fail);
    request.on('close', onClose);
  });
}
