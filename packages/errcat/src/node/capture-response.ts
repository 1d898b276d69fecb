import type { OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { StoredResponse } from '../guards/idempotency/idempotency-store.js';

/**
 * A capture of one response; see {@link captureResponse}.
 *
 * @example
 * ```ts
 * const capture: ResponseCapture = captureResponse(res, 1_048_576, store);
 * capture.detach(); // the response is sent, not recorded
 * ```
 */
export interface ResponseCapture {
  /** Stops capturing: the response's own methods are back, and `onEnd` will not be called. */
  detach(): void;
}

type Callback = (error?: Error | null) => void;
type Chunk = string | Uint8Array;

function toBuffer(chunk: Chunk, encoding: unknown): Buffer {
  return typeof chunk === 'string'
    ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
    : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function headerText(value: OutgoingHttpHeader | undefined): string | readonly string[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.map(String) : String(value);
}

/** `writeHead`'s headers, given as an object or as a flat `[name, value, …]` array. */
function explicitHeaders(args: readonly unknown[]): Record<string, string | readonly string[]> {
  const headers: Record<string, string | readonly string[]> = {};
  const given = args.find((arg) => typeof arg === 'object' && arg !== null) as
    | OutgoingHttpHeaders
    | readonly unknown[]
    | undefined;
  if (Array.isArray(given)) {
    for (let index = 0; index + 1 < given.length; index += 2) {
      headers[String(given[index]).toLowerCase()] = headerText(given[index + 1] as OutgoingHttpHeader) ?? '';
    }
  } else if (given !== undefined) {
    for (const [name, value] of Object.entries(given as OutgoingHttpHeaders)) {
      const text = headerText(value);
      if (text !== undefined) headers[name.toLowerCase()] = text;
    }
  }
  return headers;
}

/**
 * Records what a handler sends (status, headers, body bytes) while letting every write through.
 * When the handler ends the response, `onEnd` receives the final response (or `undefined` when the
 * body outgrew `limit`), and the end itself waits until `onEnd` settles: a client that has the
 * response can count on its record being stored. Headers and status are read at the end, so what
 * the handler set through any API is in the record. Adapters over `node:http` responses (Express)
 * store final responses with it.
 *
 * @example
 * ```ts
 * const capture = captureResponse(res, 1_048_576, (captured) =>
 *   captured === undefined ? claim.abandon() : claim.complete(captured),
 * );
 * ```
 */
export function captureResponse(
  response: ServerResponse,
  limit: number,
  onEnd: (captured: StoredResponse | undefined) => Promise<unknown>,
): ResponseCapture {
  const chunks: Buffer[] = [];
  let size = 0;
  let overflow = false;
  let written: Record<string, string | readonly string[]> = {};
  const record = (chunk: unknown, encoding: unknown): void => {
    if (overflow || chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const buffer = toBuffer(chunk as Chunk, encoding);
    size += buffer.length;
    if (size > limit) {
      overflow = true;
      chunks.length = 0;
    } else chunks.push(buffer);
  };
  const names = ['writeHead', 'write', 'end'] as const;
  const original = { writeHead: response.writeHead, write: response.write, end: response.end };
  // Another middleware (compression) may have patched these as own properties: restore those.
  const ownBefore = new Set(names.filter((name) => Object.hasOwn(response, name)));

  const patched = response as unknown as Record<
    'writeHead' | 'write' | 'end',
    (...args: unknown[]) => unknown
  >;
  patched.writeHead = (...args: unknown[]) => {
    written = { ...written, ...explicitHeaders(args) };
    return (original.writeHead as (...a: unknown[]) => unknown).apply(response, args);
  };
  patched.write = (chunk: unknown, encoding?: unknown, callback?: unknown) => {
    record(chunk, encoding);
    return (original.write as (...a: unknown[]) => boolean).call(response, chunk, encoding, callback);
  };
  patched.end = (chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    record(chunk, encoding);
    const headers: Record<string, string | readonly string[]> = {};
    for (const [name, value] of Object.entries(response.getHeaders())) {
      const text = headerText(value);
      if (text !== undefined) headers[name] = text;
    }
    const captured: StoredResponse | undefined = overflow
      ? undefined
      : {
          status: response.statusCode,
          headers: { ...headers, ...written },
          body: Buffer.concat(chunks, size),
        };
    detach();
    const finish = () => {
      (original.end as (...a: unknown[]) => unknown).call(response, chunk, encoding, callback as Callback);
    };
    onEnd(captured).then(finish, finish);
    return response;
  };
  function detach(): void {
    const target = response as unknown as Record<string, unknown>;
    // Last patched first: V8 undoes the newest property added in place, while deleting any other
    // turns the response into a slow dictionary object for the rest of its life (its `end` too).
    for (let index = names.length - 1; index >= 0; index--) {
      const name = names[index] as (typeof names)[number];
      if (ownBefore.has(name)) target[name] = original[name];
      else delete target[name];
    }
  }
  return { detach };
}
