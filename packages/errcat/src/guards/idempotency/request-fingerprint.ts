import { isJsonMediaType } from '../../http/json-media-type.js';
import { DEFAULT_MAX_BODY_DEPTH, jsonTextDeeperThan } from '../../internal/json-depth.js';
import { sha256Hex } from '../../internal/sha256-hex.js';
import { roleError } from '../../role-error.js';
import { canonicalJson } from './canonical-json.js';

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
   * The body: raw bytes (any `ArrayBuffer` view) or text as received, or a parsed value (an object
   * from a JSON body parser), which is compared as canonical JSON so that key order and spacing do
   * not matter. `undefined` and `null` mean no body.
   */
  readonly body?: unknown;
  /** The request's Content-Type: a raw JSON body (`application/json`, `…+json`) is compared as canonical JSON too. */
  readonly contentType?: string | undefined;
}

/**
 * Options of {@link requestFingerprint}.
 *
 * @example
 * ```ts
 * const options: FingerprintOptions = { maxDepth: 32, catalog };
 * ```
 */
export interface FingerprintOptions {
  /**
   * The deepest nesting of objects and arrays in a JSON body; a deeper one is refused with
   * `BODY_TOO_DEEP` (400) before it is walked.
   * @default 64
   */
  readonly maxDepth?: number;
  /** The catalog whose entry plays `BODY_TOO_DEEP`. @default the base catalog */
  readonly catalog?: Parameters<typeof roleError>[0];
}

const encoder = new TextEncoder();
// Fatal: bytes that are not UTF-8 stay bytes, never two bodies decoded to the same U+FFFD text.
const decoder = new TextDecoder('utf-8', { fatal: true });

/** What a too-deep body is refused with. */
type TooDeep = () => Error;

/** A raw JSON body as its parsed value, so that spacing and key order do not count; else as is. */
function comparable(
  body: unknown,
  contentType: string | undefined,
  maxDepth: number,
  tooDeep: TooDeep,
): unknown {
  if (!isJsonMediaType(contentType)) return body;
  if (typeof body !== 'string' && !ArrayBuffer.isView(body)) return body;
  let text: string;
  try {
    text = typeof body === 'string' ? body : decoder.decode(body);
  } catch {
    return body;
  }
  if (jsonTextDeeperThan(text, maxDepth)) throw tooDeep();
  try {
    return text === '' ? body : (JSON.parse(text) as unknown);
  } catch {
    return body;
  }
}

/** The body as hashed: text (canonical JSON for a parsed value) or bytes; empty for no body. */
function hashedBody(body: unknown, maxDepth: number, tooDeep: TooDeep): string | Uint8Array {
  if (body === undefined || body === null) return '';
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (typeof body === 'string') return body;
  const json = canonicalJson(body, maxDepth);
  if (json === undefined) throw tooDeep();
  return json;
}

/**
 * The idempotency guard's default fingerprint: the SHA-256 (hex) of the method, the path with its
 * query, and the body (JSON compared by value, whether raw with its Content-Type or parsed). A key reused with any of them different is answered with
 * `IDEMPOTENCY_KEY_REUSED` (422), as Stripe does for another endpoint or other parameters. A JSON
 * body nested deeper than `maxDepth` is refused with `BODY_TOO_DEEP` (400), never walked.
 *
 * @example
 * ```ts
 * await requestFingerprint({ method: 'POST', path: '/orders', body: { b: 1, a: 2 } }) ===
 *   (await requestFingerprint({ method: 'POST', path: '/orders', body: '{"a":2,"b":1}' })); // true
 * ```
 */
export function requestFingerprint(
  request: FingerprintInput,
  options: FingerprintOptions = {},
): string | Promise<string> {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_BODY_DEPTH;
  const tooDeep = () => roleError(options.catalog, 'BODY_TOO_DEEP', { maxDepth });
  const head = `${request.method.toUpperCase()}\n${request.path}\n`;
  const body = hashedBody(
    comparable(request.body, request.contentType, maxDepth, tooDeep),
    maxDepth,
    tooDeep,
  );
  // Text is hashed as one string (its UTF-8 bytes, the same as encoding each part): the head ends
  // with a newline, so no surrogate pair can form across the seam.
  if (typeof body === 'string') return sha256Hex(head + body);
  const bytes = encoder.encode(head);
  const all = new Uint8Array(bytes.length + body.length);
  all.set(bytes);
  all.set(body, bytes.length);
  return sha256Hex(all);
}
