import type { ErrorCode } from '../catalog-spec.js';
import type { RemoteViolation, WireFormat } from '../render/decoded-error.js';

/**
 * What every decoded error tells, whatever its format: {@link RemoteError} and
 * {@link RemoteCatalogError} both carry these facts.
 *
 * @example
 * ```ts
 * function log(error: RemoteFacts) {
 *   console.warn(error.httpStatus, error.code, error.message, error.requestId);
 * }
 * ```
 */
export interface RemoteFacts {
  /** Always `false`: this is an error, not a {@link NotAnError} result. */
  readonly ok: false;
  /** The HTTP status of the response; `0` when unknown (a body decoded without one). */
  readonly httpStatus: number;
  /**
   * The error's code: the catalog's for a catalog error, else the most specific machine code the
   * server sent (in the body, a code header or a `WWW-Authenticate` challenge), as a string; `null`
   * when it sent none. Never made up from the status: see {@link RemoteFacts.statusName}.
   */
  readonly code: ErrorCode | null;
  /** The status's name in UPPER_SNAKE (`NOT_FOUND`, `TOO_MANY_REQUESTS`, `HTTP_599`; `UNKNOWN` for 0). */
  readonly statusName: string;
  /** The message the server sent, else the status phrase. */
  readonly message: string;
  /** May the same request succeed if retried: the catalog's flag, else the body's, else by status. */
  readonly retryable: boolean;
  /** The error is a throttle (429, `RESOURCE_EXHAUSTED`…): clients back off more slowly. */
  readonly throttling: boolean;
  /** The server guarantees the request had no effect (a catalog fact), so even a POST may be retried. */
  readonly notApplied: boolean;
  /**
   * Seconds to wait before retrying, as the response says: `Retry-After`, `RateLimit`, google
   * `RetryInfo` or a body field its format defines; `undefined` when it says nothing.
   */
  readonly retryAfter: number | undefined;
  /**
   * The catalog's default delay, in seconds, of the entry the code matched (its `retryAfter`): a
   * fact of the catalog, not of this response. `undefined` without a matching entry or delay.
   */
  readonly catalogRetryAfter: number | undefined;
  /** The request id, from the body or the usual headers (`x-request-id`, `x-amzn-requestid`…). */
  readonly requestId: string | undefined;
  /** A documentation URL for the error, when the response names one. */
  readonly docs: string | undefined;
  /** Field-level problems, when the response lists them. */
  readonly violations: readonly RemoteViolation[];
  /** The parsed JSON body, else the body text (bounded); `undefined` for an empty body. */
  readonly raw: unknown;
  /** The wire format the body was recognised as. */
  readonly format: WireFormat;
}
