import type { ResponseLike } from '../response-like.js';

/**
 * Reads at most `maxBytes` of a response body, then cancels the stream so the connection is freed
 * and a huge (or endless) body costs no more than the bound. Read errors end the read: what arrived
 * so far is returned. Never rejects.
 *
 * @example
 * ```ts
 * await readBoundedBody(new Response('x'.repeat(100)), 10); // the first 10 bytes, the rest never read
 * ```
 */
export async function readBoundedBody(
  response: ResponseLike,
  maxBytes: number,
): Promise<Uint8Array | string> {
  try {
    if (response.bodyUsed === true) return '';
    const stream = response.body;
    if (stream === undefined || stream === null || typeof stream.getReader !== 'function') {
      // Response-likes without a stream (some polyfills): text() is all there is.
      return typeof response.text === 'function' ? await response.text() : '';
    }
    const reader = stream.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      while (size < maxBytes) {
        const { done, value } = await reader.read();
        if (done) break;
        if (value instanceof Uint8Array) {
          chunks.push(value);
          size += value.byteLength;
        }
      }
    } catch {
      // A broken connection mid-body: decode what arrived.
    } finally {
      if (size >= maxBytes) reader.cancel().catch(() => undefined);
      else reader.releaseLock();
    }
    const out = new Uint8Array(Math.min(size, maxBytes));
    let offset = 0;
    for (const chunk of chunks) {
      const part = chunk.subarray(0, out.byteLength - offset);
      out.set(part, offset);
      offset += part.byteLength;
      if (offset >= out.byteLength) break;
    }
    return out;
  } catch {
    return '';
  }
}
