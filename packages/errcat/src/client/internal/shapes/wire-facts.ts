import type { Violation, WireFormat } from '../../remote-facts.js';

/**
 * What one recogniser read from a body. Every field but `format` is optional: the decoder fills
 * the gaps from the headers and the status.
 *
 * @example
 * ```ts
 * const facts: WireFacts = { format: 'oauth', code: 'invalid_grant', message: 'Bad code' };
 * ```
 */
export interface WireFacts {
  readonly format: WireFormat;
  /** The body's machine code. */
  readonly code?: string | number | undefined;
  /** Other codes worth trying against a catalog (google's `status` next to `ErrorInfo.reason`). */
  readonly altCodes?: readonly (string | number)[] | undefined;
  readonly message?: string | undefined;
  /** A message for a {@link RemoteError} when the body has no overall one (a catalog entry renders its own). */
  readonly summary?: string | undefined;
  /** The status the body claims; used when the HTTP status is unknown. */
  readonly status?: number | undefined;
  readonly retryable?: boolean | undefined;
  readonly throttling?: boolean | undefined;
  /** Seconds to wait, from the body. */
  readonly retryAfter?: number | undefined;
  readonly requestId?: string | undefined;
  readonly docs?: string | undefined;
  readonly violations?: readonly Violation[] | undefined;
  /** The body's details object, copied into a catalog error's `details`. */
  readonly details?: unknown;
  /** The details' values were sent as strings (google `ErrorInfo.metadata`): convert to the declared types. */
  readonly stringDetails?: boolean | undefined;
}
