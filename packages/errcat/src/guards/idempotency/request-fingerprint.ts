import { canonicalJson } from '../../internal/canonical-json.js';
import { sha256Hex } from '../../internal/sha256-hex.js';

/**
 * The parts of a request that make it "the same request" for an idempotency key.
 *
 * @example
 * ```ts
 * const request: FingerprintInput = { method: 'POST', path: '/orders', body: { sku: 'A1', qty: 2 } };
 * ```
 */
export interface FingerprintInput {
  /** The request method. */
  readonly method: string;
  /** The request target: the path with its query, as on the request line. */
  readonly path: string;
  /**
   * The body: raw bytes (any `ArrayBuffer` view) or text as received, or a parsed value (an object from a JSON body
   * parser), which is compared as canonical JSON so that key order and spacing do not matter.
   * `undefined` and `null` mean no body.
   */
  readonly body?: unknown;
}

const encoder = new TextEncoder();

function bodyBytes(body: unknown): Uint8Array {
  if (body === undefined || body === null) return new Uint8Array(0);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (typeof body === 'string') return encoder.encode(body);
  return encoder.encode(canonicalJson(body));
}

/**
 * The idempotency guard's default fingerprint: the SHA-256 (hex) of the method, the path with its
 * query, and the body. A key reused with any of them different is answered with
 * `IDEMPOTENCY_KEY_REUSED` (422), as Stripe does for another endpoint or other parameters.
 *
 * @example
 * ```ts
 * await requestFingerprint({ method: 'POST', path: '/orders', body: { b: 1, a: 2 } }) ===
 *   (await requestFingerprint({ method: 'POST', path: '/orders', body: '{"a":2,"b":1}' })); // true
 * ```
 */
export function requestFingerprint(request: FingerprintInput): string | Promise<string> {
  const head = encoder.encode(`${request.method.toUpperCase()}\n${request.path}\n`);
  const body = bodyBytes(request.body);
  const all = new Uint8Array(head.length + body.length);
  all.set(head);
  all.set(body, head.length);
  return sha256Hex(all);
}
