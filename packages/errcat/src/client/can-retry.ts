import { isObject, own } from '../internal/json-fields.js';
import { isConflict } from './is-conflict.js';
import { IDEMPOTENT_METHODS } from './retry-options.js';

/**
 * The request a retry decision is about.
 *
 * @example
 * ```ts
 * const request: RetryRequest = { method: 'POST', keyed: true };
 * ```
 */
export interface RetryRequest {
  /** The request method. */
  readonly method: string;
  /** The request carries an Idempotency-Key. @default false */
  readonly keyed?: boolean;
  /** The body can be sent again (not a stream). @default true */
  readonly replayable?: boolean;
  /** Methods retried without a key. @default RFC 9110's idempotent methods and QUERY */
  readonly methods?: readonly string[];
}

/**
 * True when the error says the server did not apply the request: the catalog entry's `notApplied`
 * flag, or a network error raised before any connection was made.
 */
function notApplied(error: object): boolean {
  if ((error as { notApplied?: unknown }).notApplied === true) return true;
  const details = (error as { details?: unknown }).details;
  return isObject(details) && own(details, 'notApplied') === true;
}

/**
 * Whether a failed request may be sent again as is, ignoring attempts, delays and budget: the
 * error must be retryable (the catalog's flag, else the body's, else status 408/425/429/500/502/
 * 503/504, or a network error or timeout) and not a version conflict ({@link isConflict}: the same
 * request cannot succeed, whatever its flag says; {@link retryOnConflict} re-reads and applies
 * again), the body replayable, and the method idempotent unless the request carries an
 * Idempotency-Key or the error says the request was not applied. Use it to give other clients
 * errcat's policy (ky's `retry.shouldRetry`, an axios-retry `retryCondition`).
 *
 * @example
 * ```ts
 * canRetry(error, { method: 'GET' }); // true for a 503
 * canRetry(error, { method: 'POST' }); // false for a 503…
 * canRetry(error, { method: 'POST', keyed: true }); // …unless the request carries an Idempotency-Key
 * canRetry(conflict, { method: 'PUT' }); // false for rstmdb's CONFLICT, though it says retryable
 * ```
 */
export function canRetry(error: unknown, request: RetryRequest): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if ((error as { retryable?: unknown }).retryable !== true || request.replayable === false) return false;
  if (isConflict(error)) return false;
  const methods = request.methods ?? IDEMPOTENT_METHODS;
  return methods.includes(request.method.toUpperCase()) || request.keyed === true || notApplied(error);
}
