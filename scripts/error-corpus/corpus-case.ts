import type { CorpusExpected } from '../../test-support/error-corpus.js';

/**
 * One request to a captured server and what its error response means.
 *
 * @example
 * ```ts
 * const item: CaptureCase = { id: 'fastify-not-found', source: 'fastify@5 default 404', path: '/nope', expected };
 * ```
 */
export interface CaptureCase {
  /** The file name, without `.json`. */
  readonly id: string;
  /** The library, its version line and what produced the response. */
  readonly source: string;
  readonly path: string;
  /** @default 'GET' */
  readonly method?: string;
  /** @default {} */
  readonly headers?: Readonly<Record<string, string>>;
  /** @default none */
  readonly body?: string;
  /** Identical requests sent first and thrown away, to exhaust a rate limit. @default 0 */
  readonly warmup?: number;
  /** The expected facts; a function when they depend on the response (an epoch reset). */
  readonly expected: CorpusExpected | ((response: CapturedResponse, now: number) => CorpusExpected);
}

/**
 * A response as recorded: status, headers as sent (volatile ones dropped), body text as sent.
 *
 * @example
 * ```ts
 * const response: CapturedResponse = { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not Found' };
 * ```
 */
export interface CapturedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * A library's server on 127.0.0.1 and the requests that make it answer with errors.
 *
 * @example
 * ```ts
 * const koa: CaptureServer = { library: 'koa', start: async () => listenLocal(createServer(app.callback())), cases: [] };
 * ```
 */
export interface CaptureServer {
  readonly library: string;
  /** Starts the server on 127.0.0.1:0; resolves to its base URL and a close function. */
  readonly start: () => Promise<{ readonly url: string; readonly close: () => Promise<void> }>;
  readonly cases: readonly CaptureCase[];
}

/**
 * The expected facts, with the fields most cases share defaulted: not retryable, no request id,
 * no delay.
 *
 * @example
 * ```ts
 * expect(404, null, 'Not Found'); // { status: 404, code: null, message: 'Not Found', retryable: false, requestId: null, retryAfter: null }
 * ```
 */
export function expect(
  status: number,
  code: string | null,
  message: string,
  rest: Partial<Omit<CorpusExpected, 'status' | 'code' | 'message'>> = {},
): CorpusExpected {
  const retryable = [408, 425, 429, 500, 502, 503, 504].includes(status);
  return { status, code, message, retryable, requestId: null, retryAfter: null, ...rest };
}
