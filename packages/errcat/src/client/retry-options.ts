import type { RetryBudget } from './retry-budget.js';

/**
 * What `onRetry` is told before each retry.
 *
 * @example
 * ```ts
 * const onRetry = ({ attempt, delay, error }: RetryEvent) =>
 *   console.warn(`retry ${attempt} in ${Math.round(delay)} ms after ${String(error.code)}`);
 * ```
 */
export interface RetryEvent {
  /** The attempt about to start (2 for the first retry). */
  readonly attempt: number;
  /** The wait before it, in milliseconds. */
  readonly delay: number;
  /** The error of the attempt that failed. */
  readonly error: {
    readonly code: string | number | null;
    readonly message: string;
    readonly retryable: boolean;
  };
  /** The request method. */
  readonly method: string;
  /** The request URL. */
  readonly url: string;
}

/**
 * The retry policy of a client (and of one request, which may override any of it).
 *
 * @example
 * ```ts
 * const retry: RetryOptions = { attempts: 4, idempotencyKey: true, onRetry: (event) => log(event) };
 * ```
 */
export interface RetryOptions {
  /** Attempts in total, the first included; at most {@link MAX_ATTEMPTS}. `1` turns retries off. @default 3 */
  readonly attempts?: number;
  /** Methods retried without an Idempotency-Key (RFC 9110's idempotent methods). @default ['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE', 'QUERY'] */
  readonly methods?: readonly string[];
  /** Base of the exponential backoff, in milliseconds. @default 100 */
  readonly baseDelay?: number;
  /** Base of the backoff after a throttling error (429, a catalog entry with `throttling`). @default 500 */
  readonly throttlingBaseDelay?: number;
  /** Longest computed backoff, in milliseconds. @default 20_000 */
  readonly maxDelay?: number;
  /**
   * Longest server-requested wait (`Retry-After`, `RateLimit`, `RetryInfo`) honoured, in
   * milliseconds; a longer request fails at once with the error, which carries `retryAfter`.
   * @default 60_000
   */
  readonly maxRetryAfter?: number;
  /** Time for every attempt and wait together, in milliseconds. @default 60_000 */
  readonly totalTimeout?: number;
  /**
   * Add an Idempotency-Key (a random UUID, as an RFC 8941 string: `"…"`) to POST and PATCH
   * requests that carry none, so they can be retried; the same key goes with every attempt.
   * Enable it only for servers that honour the header.
   * @default false
   */
  readonly idempotencyKey?: boolean;
  /** The retry budget; `false` for none. @default gRPC-style retry throttling shared by the client (see {@link createRetryBudget}) */
  readonly budget?: RetryBudget | false;
  /** Called before each retry; awaited. @default undefined */
  readonly onRetry?: (event: RetryEvent) => void | Promise<void>;
  /**
   * Overrides the decision for one failure: `true` retries (budget, attempts and deadline still
   * apply), `false` stops, `undefined` keeps errcat's decision. A version conflict
   * (`isConflict`) is never re-sent, whatever this says: `retryOnConflict` re-reads and applies it.
   * @default undefined
   */
  readonly shouldRetry?: (error: unknown, event: { attempt: number; method: string }) => boolean | undefined;
}

/**
 * The most attempts a request may make, whatever `attempts` says (gRPC caps at 5; errcat at 10).
 *
 * @example
 * ```ts
 * createClient({ baseUrl, retry: { attempts: MAX_ATTEMPTS } });
 * ```
 */
export const MAX_ATTEMPTS = 10;

/**
 * RFC 9110's idempotent methods, plus QUERY: retried without an Idempotency-Key.
 *
 * @example
 * ```ts
 * createClient({ baseUrl, retry: { methods: IDEMPOTENT_METHODS.filter((method) => method !== 'PUT') } });
 * ```
 */
export const IDEMPOTENT_METHODS: readonly string[] = [
  'GET',
  'HEAD',
  'OPTIONS',
  'TRACE',
  'PUT',
  'DELETE',
  'QUERY',
];
