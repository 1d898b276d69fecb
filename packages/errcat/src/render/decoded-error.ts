import type { ErrorCode } from '../catalog-spec.js';

/**
 * What a wire profile reads back out of an error body it rendered: enough to find the catalog
 * entry and check the response against it (`errcat/testing` uses it). Every member but `code` is
 * optional because not every format carries it.
 *
 * @example
 * ```ts
 * const decoded = googleProfile.decode?.(JSON.parse(body));
 * decoded?.code; // 'PROMISE_NOT_FOUND' (google carries the key as ErrorInfo.reason)
 * ```
 */
export interface DecodedError {
  /** The entry's code or key, whichever the format carries; `catalog.entry()` takes either. */
  readonly code: ErrorCode;
  /** The message shown to the client. */
  readonly message?: string;
  /** The details fields the body carries. */
  readonly details?: Readonly<Record<string, unknown>>;
  /** True when the format turns every details value into a string (google's ErrorInfo metadata). */
  readonly stringDetails?: boolean;
  /** The retryable flag, when the format carries one. */
  readonly retryable?: boolean;
  /** The request id, when the format carries one. */
  readonly requestId?: string;
}
