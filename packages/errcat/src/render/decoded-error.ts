import type { ErrorCode } from '../catalog-spec.js';

/**
 * The wire format a decoded error was recognised as. errcat's own profiles are `problem`, `google`,
 * `resonate-legacy`, `resonate`, `rstmdb`, `simple`, `simple-flat` and `jsonapi`; the others name
 * common shapes of other servers: `graphql` (`{errors:[{message, path, extensions}]}`), `github`
 * (`{message, documentation_url}`), `oauth` (`{error, error_description}`), `boom` (`{statusCode,
 * error, message}` from hapi, Fastify and NestJS), `aws` (`{__type, message}` and AWS's XML
 * errors), `kubernetes` (`Status`), `slack` (`{ok: false, error}`), `json` (any other JSON), `html`
 * and `text` (proxy and framework error pages) and `empty`. A custom profile passed to the decoder
 * (`profiles`) reports its own name.
 *
 * @example
 * ```ts
 * if (!error.ok && error.format === 'html') console.warn('a proxy answered, not the API');
 * ```
 */
export type WireFormat =
  | 'problem'
  | 'google'
  | 'resonate-legacy'
  | 'resonate'
  | 'rstmdb'
  | 'simple'
  | 'simple-flat'
  | 'jsonapi'
  | 'graphql'
  | 'github'
  | 'oauth'
  | 'boom'
  | 'aws'
  | 'kubernetes'
  | 'slack'
  | 'json'
  | 'html'
  | 'text'
  | 'empty'
  | (string & {});

/**
 * One field-level problem an error response reported (RFC 9457 `errors`, google `BadRequest`,
 * JSON:API `source`, Kubernetes `causes`…), as a decoder reads it. (The server side's
 * `Violation` is what a validator found; this is what arrived.)
 *
 * @example
 * ```ts
 * const violation: RemoteViolation = { field: '/email', message: 'must be an email', code: 'format' };
 * ```
 */
export interface RemoteViolation {
  /** Where the problem is, as the server wrote it: a JSON pointer, a dotted path or a parameter name. */
  readonly field?: string;
  /** What is wrong. */
  readonly message: string;
  /** A machine code for the problem, when the server gives one. */
  readonly code?: string;
}

/**
 * What a decoder reads out of an error body: a wire profile's `decode` (errcat's own formats, and
 * any profile of yours) and the client's readers of other servers' shapes give the same facts.
 * `errcat/testing` checks responses with them and `errcat/client` builds its errors from them.
 * Every member is optional: the decoder fills the gaps from the headers and the status.
 *
 * @example
 * ```ts
 * const decoded = googleProfile.decode?.(JSON.parse(body));
 * decoded?.code; // 'PROMISE_NOT_FOUND' (google carries the key as ErrorInfo.reason)
 * ```
 */
export interface DecodedError {
  /** The format the body was read as; the profile's name when a profile's `decode` leaves it out. */
  readonly format?: WireFormat | undefined;
  /** The body's machine code: the entry's code or key, whichever the format carries. */
  readonly code?: ErrorCode | undefined;
  /** Other codes worth trying against a catalog (google's `status` next to `ErrorInfo.reason`). */
  readonly altCodes?: readonly ErrorCode[] | undefined;
  /** The message shown to the client. */
  readonly message?: string | undefined;
  /** A message for an error without a catalog entry when the body has no overall one. */
  readonly summary?: string | undefined;
  /** The status the body claims; used when the HTTP status is unknown. */
  readonly status?: number | undefined;
  /** The retryable flag, when the format carries one. */
  readonly retryable?: boolean | undefined;
  /** The error is a throttle, when the format says so (google `RESOURCE_EXHAUSTED`). */
  readonly throttling?: boolean | undefined;
  /** Seconds to wait, from the body. */
  readonly retryAfter?: number | undefined;
  /** The request id, when the format carries one. */
  readonly requestId?: string | undefined;
  /** A documentation URL, when the format carries one. */
  readonly docs?: string | undefined;
  /** Field-level problems, when the body lists them. */
  readonly violations?: readonly RemoteViolation[] | undefined;
  /** The details fields the body carries. */
  readonly details?: Readonly<Record<string, unknown>> | undefined;
  /** True when the format turns every details value into a string (google's ErrorInfo metadata). */
  readonly stringDetails?: boolean | undefined;
}
