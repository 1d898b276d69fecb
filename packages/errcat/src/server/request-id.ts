import { type HeaderSource, readHeader } from './request-facts.js';

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
  /** Makes a new id when the request carries none. @default crypto.randomUUID */
  readonly generate?: () => string;
}

/** Ids a client may send: short, and only characters that are safe in a header, a log and JSON. */
const SAFE_ID = /^[A-Za-z0-9._:/+=@-]{1,128}$/;
/** W3C Trace Context `traceparent`: version, 32-hex trace id, 16-hex parent id, flags. */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}/;
const ZERO_TRACE_ID = '0'.repeat(32);

/**
 * The id of a request: the incoming request-id header when it is well formed, else the trace id of
 * a valid `traceparent`, else a new UUID. Malformed incoming values are ignored, never echoed, so a
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
export function resolveRequestId(headers: HeaderSource | undefined, options: RequestIdOptions = {}): string {
  if (options.trustIncoming !== false) {
    const incoming = readHeader(headers, options.header ?? 'x-request-id');
    if (incoming !== undefined && SAFE_ID.test(incoming)) return incoming;
    const traceparent = readHeader(headers, 'traceparent');
    if (traceparent !== undefined) {
      const match = TRACEPARENT.exec(traceparent);
      if (match && match[1] !== 'ff' && match[2] !== ZERO_TRACE_ID) return match[2] as string;
    }
  }
  return options.generate ? options.generate() : globalThis.crypto.randomUUID();
}
