import type { IncomingMessage } from 'node:http';
import type { CatalogSpec } from '../catalog-spec.js';
import type { CatalogMethods } from '../catalog-types.js';
import { roleError } from '../role-error.js';

/**
 * Reads a request body whole, refusing more than `limit` bytes with the catalog's
 * `PAYLOAD_TOO_LARGE` (413). The refusal asks for `Connection: close`, so the rest of an oversized
 * body is never read.
 */
export function readBody(
  request: IncomingMessage,
  limit: number,
  catalog: CatalogMethods<CatalogSpec> | undefined,
): Promise<Buffer> {
  const tooLarge = () => roleError(catalog, 'PAYLOAD_TOO_LARGE', {}, { headers: { connection: 'close' } });
  const declared = Number(request.headers['content-length']);
  if (declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    // A client that leaves mid-body ends the stream with `close` and no `end`.
    const onClose = () => onError(new Error('the client closed the connection before the body ended'));
    const cleanup = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  });
}
