import type { QueryValue, RequestOptions } from '../client-options.js';
import { createIdempotencyKey, formatIdempotencyKey } from '../idempotency-key.js';
import { clientFailure } from './client-failure-entry.js';
import { labelUrl, type RequestLabel } from './client-failures.js';
import type { ResolvedRetry } from './resolve-retry.js';

/**
 * A request ready to send, any number of times.
 *
 * @example
 * ```ts
 * const prepared: PreparedRequest = prepareRequest('POST', '/orders', { json: order }, defaults, retry);
 * ```
 */
export interface PreparedRequest extends RequestLabel {
  readonly target: string;
  readonly headers: Headers;
  readonly body: BodyInit | null | undefined;
  /** The request carries an Idempotency-Key. */
  readonly keyed: boolean;
  /** The body can be sent again. */
  readonly replayable: boolean;
  readonly signal: AbortSignal | undefined;
  readonly timeout: number;
  readonly retry: ResolvedRetry;
  readonly responseType: NonNullable<RequestOptions['responseType']>;
  readonly init: RequestOptions['init'];
}

/**
 * What a client contributes to every request.
 *
 * @example
 * ```ts
 * const defaults: ClientDefaults = { ...clientDefaults, baseUrl: 'https://api.example.com' };
 * ```
 */
export interface ClientDefaults {
  readonly baseUrl: string;
  readonly headers: Headers;
  readonly timeout: number;
}

const KEYED_BY_DEFAULT = new Set(['POST', 'PATCH']);

function appendQuery(url: URL, query: Readonly<Record<string, QueryValue>> | undefined): void {
  if (!query) return;
  for (const name of Object.keys(query)) {
    const value = query[name];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined) url.searchParams.append(name, String(item));
    }
  }
}

/** A stream (web or Node) is consumed by the first send and cannot be replayed. */
function isReplayable(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return true;
  if (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream) return false;
  return !(Symbol.asyncIterator in body) && typeof (body as { pipe?: unknown }).pipe !== 'function';
}

function bad(reason: string): Error {
  return clientFailure('ERRCAT_BAD_ARGUMENT', { reason });
}

/**
 * Builds the URL, headers and body of a request, and decides its Idempotency-Key. Misuse (a JSON
 * body that cannot be serialised, an invalid header or key) throws `ERRCAT_BAD_ARGUMENT`.
 *
 * @example
 * ```ts
 * const prepared = prepareRequest('POST', '/orders', { json: order }, defaults, retry);
 * await sendWithRetry(prepared, context);
 * ```
 */
export function prepareRequest(
  method: string,
  path: string,
  options: RequestOptions,
  defaults: ClientDefaults,
  retry: ResolvedRetry,
): PreparedRequest {
  const upper = method.toUpperCase();
  const url = new URL(`${defaults.baseUrl}/${path.replace(/^\/+/, '')}`);
  appendQuery(url, options.query);
  const headers = new Headers(defaults.headers);
  try {
    for (const [name, value] of new Headers(options.headers)) headers.set(name, value);
  } catch (error) {
    throw bad(`invalid request headers: ${(error as Error).message}`);
  }
  let body = options.body;
  if (options.json !== undefined) {
    try {
      body = JSON.stringify(options.json);
    } catch (error) {
      throw bad(`the json body cannot be serialised: ${(error as Error).message}`);
    }
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  const key = options.idempotencyKey;
  if (typeof key === 'string') headers.set('idempotency-key', formatIdempotencyKey(key));
  else if (key === true || (key === undefined && retry.idempotencyKey && KEYED_BY_DEFAULT.has(upper))) {
    if (!headers.has('idempotency-key')) headers.set('idempotency-key', createIdempotencyKey());
  }
  return {
    method: upper,
    url: labelUrl(url),
    target: url.href,
    headers,
    body,
    keyed: headers.has('idempotency-key'),
    replayable: isReplayable(body),
    signal: options.signal,
    timeout: options.timeout ?? defaults.timeout,
    retry,
    responseType: options.responseType ?? 'auto',
    init: options.init,
  };
}
