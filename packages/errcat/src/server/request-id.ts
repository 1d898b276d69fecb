import type { HeadersLike } from '../http/headers-like.js';
import { readHeader } from '../http/read-header.js';

/**
 * Options of {@link resolveRequestId}, also the `requestId` option of the server core.
 *
 * @example
 * ```ts
 * const options: RequestIdOptions = { header: 'x-correlation-id', generate: () => ulid() };
 * ```
 */
export interface RequestIdOptions {
  /** The header that carries the request id in and out. @default 'x-request-id' */
  readonly header?: string;
  /** Accept an id the client (or a proxy) sent, in the header or as a `traceparent` trace id. @default true */
  readonly trustIncoming?: boolean;
  /** Makes a new id when the request carries none. @default newRequestId (a UUID) */
  readonly generate?: () => string;
}

/** Ids a client may send: short, and only characters that are safe in a header, a log and JSON. */
const SAFE_ID = /^[A-Za-z0-9._:/+=@-]{1,128}$/;
/** W3C Trace Context `traceparent`: version, 32-hex trace id, 16-hex parent id, flags. */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}/;
const ZERO_TRACE_ID = '0'.repeat(32);

/** Every byte's two hex digits, to write ids without `toString(16)`. */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
/** Ids made from one random draw before the next. */
const IDS_PER_DRAW = 65_536;
/** The first 24 characters of the current draw's UUID: `xxxxxxxx-xxxx-4xxx-yxxx-`. */
let prefix = '';
/** `prefix` and the next id's hex digits above its last four, which change once per 65 536 ids. */
let head = '';
/** The last 48 bits of the next id. */
let counter = 0;
let left = 0;

/** `prefix` and the hex digits of bits 47–16 of `id`: bytes above 2^32 by division (bit operators work on 32 bits). */
function headOf(id: number): string {
  return `${prefix}${HEX[(id / 2 ** 40) & 255]}${HEX[(id / 2 ** 32) & 255]}${HEX[(id >>> 24) & 255]}${HEX[(id >>> 16) & 255]}`;
}

/**
 * A new request id in the layout of a random (version 4) UUID, at a fraction of the cost of
 * `crypto.randomUUID()` per id: one random UUID is drawn per 65 536 ids, and its last 48 bits
 * count up from their random value, so ids are unique (74 random bits per draw, then a counter)
 * and still say nothing about the process or the time. Neighbouring ids of one draw follow each
 * other: request ids correlate logs and responses, they are no secret.
 *
 * @example
 * ```ts
 * newRequestId(); // '3b2f9c1e-8d4a-4f6b-a1c7-5e9d2b7f40a3', then '…-5e9d2b7f40a4'
 * ```
 */
export function newRequestId(): string {
  if (left === 0) {
    const uuid = globalThis.crypto.randomUUID();
    prefix = uuid.slice(0, 24);
    // Kept below 2^48 − IDS_PER_DRAW, so that the draw never wraps.
    counter = Number.parseInt(uuid.slice(24), 16) % (2 ** 48 - IDS_PER_DRAW);
    left = IDS_PER_DRAW;
    head = headOf(counter);
  }
  left--;
  const id = counter++;
  // The last four hex digits per id; the rest only when they wrap.
  const low = id % 65_536;
  if (low === 0) head = headOf(id);
  return `${head}${HEX[low >>> 8]}${HEX[low & 255]}`;
}

/**
 * The id of a request: the incoming request-id header when it is well formed, else the trace id of
 * a valid `traceparent`, else a new UUID ({@link newRequestId}). Malformed incoming values are ignored, never echoed, so a
 * client cannot inject text into response headers or logs through them.
 *
 * @example
 * ```ts
 * resolveRequestId({ 'x-request-id': 'req-42' }); // 'req-42'
 * resolveRequestId({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
 * // '4bf92f3577b34da6a3ce929d0e0e4736'
 * resolveRequestId(undefined); // a fresh UUID
 * ```
 */
export function resolveRequestId(headers: HeadersLike | undefined, options: RequestIdOptions = {}): string {
  if (options.trustIncoming !== false) {
    const incoming = readHeader(headers, options.header ?? 'x-request-id');
    if (incoming !== undefined && SAFE_ID.test(incoming)) return incoming;
    const traceparent = readHeader(headers, 'traceparent');
    if (traceparent !== undefined) {
      const match = TRACEPARENT.exec(traceparent);
      if (match && match[1] !== 'ff' && match[2] !== ZERO_TRACE_ID) return match[2] as string;
    }
  }
  return options.generate ? options.generate() : newRequestId();
}
