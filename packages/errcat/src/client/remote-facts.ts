import type { ErrorCode } from '../catalog-spec.js';

/**
 * The wire format a decoded error was recognised as. errcat's own profiles are `problem`, `google`,
 * `resonate-legacy`, `resonate`, `rstmdb`, `simple` and `jsonapi`; the others name common shapes
 * of other servers: `graphql` (`{errors:[{message, path, extensions}]}`), `github` (`{message,
 * documentation_url}`), `oauth` (`{error, error_description}`), `boom` (`{statusCode, error,
 * message}` from hapi, Fastify and NestJS), `aws` (`{__type, message}`), `kubernetes` (`Status`),
 * `slack` (`{ok: false, error}`), `json` (any other JSON), `html` and `text` (proxy and framework
 * error pages) and `empty`; `aws` also covers AWS's XML errors (`<Error><Code>…`). A
 * custom profile passed to the decoder (`profiles`) reports its own name.
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
 * One field-level problem the server reported (RFC 9457 `errors`, google `BadRequest`, JSON:API
 * `source`, Kubernetes `causes`…).
 *
 * @example
 * ```ts
 * const violation: Violation = { field: '/email', message: 'must be an email', code: 'format' };
 * ```
 */
export interface Violation {
  /** Where the problem is, as the server wrote it: a JSON pointer, a dotted path or a parameter name. */
  readonly field?: string;
  /** What is wrong. */
  readonly message: string;
  /** A machine code for the problem, when the server gives one. */
  readonly code?: string;
}

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
  readonly violations: readonly Violation[];
  /** The parsed JSON body, else the body text (bounded); `undefined` for an empty body. */
  readonly raw: unknown;
  /** The wire format the body was recognised as. */
  readonly format: WireFormat;
}
