import type { CatalogError } from '../catalog-error.js';
import type { AnyCatalog, RemoteErrorOf } from './decode-types.js';
import type { RetryOptions } from './retry-options.js';

/**
 * Options of {@link createClient}.
 *
 * @example
 * ```ts
 * const options: ClientOptions<typeof catalog> = {
 *   baseUrl: 'https://api.example.com/v1',
 *   catalog,
 *   headers: { authorization: `Bearer ${token}` },
 *   retry: { attempts: 4, idempotencyKey: true },
 * };
 * ```
 */
export interface ClientOptions<C extends AnyCatalog | undefined = undefined> {
  /** The URL request paths are appended to (`/v1` + `promises/p1`). */
  readonly baseUrl: string | URL;
  /** The API's catalog: errors whose code it declares are thrown as typed catalog errors. @default undefined */
  readonly catalog?: C;
  /** The fetch to call: a polyfill, an instrumented fetch, undici's. @default globalThis.fetch */
  readonly fetch?: typeof globalThis.fetch;
  /** Headers sent with every request (`accept: application/json` unless given). @default {} */
  readonly headers?: HeadersInit;
  /** Time for one attempt (until the whole body is read), in milliseconds. @default 10_000 */
  readonly timeout?: number;
  /** The retry policy; `false` turns retries off. @default see {@link RetryOptions} */
  readonly retry?: RetryOptions | false;
  /** The most bytes of an error body read for decoding. @default 1_048_576 */
  readonly maxErrorBytes?: number;
}

/**
 * A query parameter value; arrays repeat the parameter, `undefined` leaves it out.
 *
 * @example
 * ```ts
 * const query: Record<string, QueryValue> = { expand: ['items', 'customer'], page: 2, draft: undefined };
 * ```
 */
export type QueryValue = string | number | boolean | undefined | readonly (string | number | boolean)[];

/**
 * Options of one request.
 *
 * @example
 * ```ts
 * await client.post('orders', { json: { sku: 'A1' }, idempotencyKey: true, timeout: 5000 });
 * ```
 */
export interface RequestOptions {
  /** Query parameters appended to the URL. @default {} */
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** A JSON body (sets `content-type: application/json`). @default undefined */
  readonly json?: unknown;
  /** A raw body; a stream is sent once and never retried. @default undefined */
  readonly body?: BodyInit | null;
  /** Headers for this request, over the client's. @default {} */
  readonly headers?: HeadersInit;
  /** Cancels the request, its retries and its waits. @default undefined */
  readonly signal?: AbortSignal;
  /** Time for one attempt, in milliseconds. @default the client's `timeout` */
  readonly timeout?: number;
  /**
   * The Idempotency-Key: a key of yours (sent as an sf-string), `true` to generate one, `false` to
   * send none even when the client adds them. The same key goes with every attempt.
   * @default the client's `retry.idempotencyKey` for POST and PATCH
   */
  readonly idempotencyKey?: string | boolean;
  /** Retry options for this request over the client's; `false` for a single attempt. @default the client's */
  readonly retry?: RetryOptions | false;
  /** How to read a success body: `auto` (JSON when the content type says so, else text), `text`, `bytes`. @default 'auto' */
  readonly responseType?: 'auto' | 'text' | 'bytes';
  /** Other fetch options (`credentials`, `cache`, `redirect`…). @default {} */
  readonly init?: Omit<RequestInit, 'method' | 'body' | 'headers' | 'signal'>;
}

/**
 * The keys of errcat's own errors that a client raises.
 *
 * @example
 * ```ts
 * const retryLater: ClientFailureKey[] = ['ERRCAT_NETWORK_ERROR', 'ERRCAT_TIMEOUT'];
 * ```
 */
export type ClientFailureKey =
  | 'ERRCAT_NETWORK_ERROR'
  | 'ERRCAT_TIMEOUT'
  | 'ERRCAT_ABORTED'
  | 'ERRCAT_DECODE_FAILED'
  | 'ERRCAT_BAD_ARGUMENT';

/**
 * A failure of the client itself (no usable response): one of errcat's own catalog errors.
 *
 * @example
 * ```ts
 * if (errcatErrors.is(error, 'ERRCAT_TIMEOUT')) console.warn('gave up after', error.details.timeout, 'ms');
 * ```
 */
export type ClientFailure = CatalogError<ClientFailureKey, Record<string, unknown>>;

/**
 * Every error a client request can end with: the API's decoded error or a client failure.
 *
 * @example
 * ```ts
 * function report(error: ClientError<typeof catalog>) { console.error(error.code, error.message); }
 * ```
 */
export type ClientError<C> = RemoteErrorOf<C> | ClientFailure;

/**
 * A successful response: the parsed body with the status and headers.
 *
 * @example
 * ```ts
 * const { data, status, headers } = await client.request<Order>('GET', 'orders/1');
 * ```
 */
export interface ClientResponse<T> {
  readonly ok: true;
  /** The body: parsed JSON, text or bytes; `undefined` when empty. */
  readonly data: T;
  /** The HTTP status. */
  readonly status: number;
  /** The response headers. */
  readonly headers: Headers;
}

/**
 * What the `safe` helpers resolve to: the response, or the error they would have thrown.
 *
 * @example
 * ```ts
 * const result: SafeResult<Order, typeof catalog> = await api.safe.get<Order>('orders/1');
 * if (result.ok) console.log(result.data); else console.log(result.error.code);
 * ```
 */
export type SafeResult<T, C> = ClientResponse<T> | { readonly ok: false; readonly error: ClientError<C> };
