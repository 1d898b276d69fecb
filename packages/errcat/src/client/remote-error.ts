import { statusCodeName } from '../http/status-names.js';
import type { RemoteViolation, WireFormat } from '../render/decoded-error.js';
import type { RemoteFacts } from './remote-facts.js';

/**
 * The brand of decoded errors; `Symbol.for` makes it the same in every copy and realm.
 *
 * @example
 * ```ts
 * (error as Record<symbol, unknown>)[REMOTE_ERROR_BRAND] === true; // what isRemoteError checks
 * ```
 */
export const REMOTE_ERROR_BRAND: unique symbol = Symbol.for('errcat.RemoteError');

/**
 * The base of decoded errors: an ordinary object whose prototype is `Error.prototype`, so
 * `instanceof Error`, `name`, `message`, `toString()` and `stack` behave as for any error, without
 * the native constructor. A decoded error is data from the wire, and a native `Error` costs about
 * 300 ns to make even with no stack frames, more than decoding the body; a stack trace of the
 * decoder would tell nothing either. `stack` is `"RemoteError: <message>"`.
 */
function WireError(): void {}
WireError.prototype = Error.prototype;

/**
 * Everything a {@link RemoteError} is made from: its facts and the body's details.
 *
 * @example
 * ```ts
 * const error = new RemoteError({ ...facts, details: {} } satisfies RemoteErrorInit);
 * ```
 */
export type RemoteErrorInit = Omit<RemoteFacts, 'ok' | 'catalogRetryAfter' | 'code' | 'statusName'> & {
  readonly code: string | null;
  readonly details: Readonly<Record<string, unknown>>;
};

/**
 * An error response decoded without a catalog entry to match: the normalised facts of any API's
 * error (status, code, message, retryable, retryAfter, requestId, docs, violations) plus the raw
 * body and the format it was recognised as. `key` is always `undefined`, so a union with catalog
 * errors narrows on `error.key`.
 *
 * @example
 * ```ts
 * const error = await decodeError(await fetch('https://api.github.com/repos/x/nope'));
 * if (!error.ok) console.log(error.code, error.statusName, error.message); // null NOT_FOUND Not Found
 * ```
 */
export class RemoteError extends (WireError as unknown as ErrorConstructor) implements RemoteFacts {
  readonly ok = false as const;
  /** Always `undefined`: no catalog entry matched. */
  readonly key: undefined = undefined;
  readonly httpStatus: number;
  /** The HTTP status; the same as `httpStatus`. */
  readonly status: number;
  /** The code the server sent, as a string; `null` when it sent none. */
  readonly code: string | null;
  readonly statusName: string;
  readonly retryable: boolean;
  readonly throttling: boolean;
  readonly notApplied: boolean;
  readonly retryAfter: number | undefined;
  /** Always `undefined`: no catalog entry matched. */
  readonly catalogRetryAfter: undefined = undefined;
  readonly requestId: string | undefined;
  readonly docs: string | undefined;
  readonly violations: readonly RemoteViolation[];
  /** The body's details object, copied into null-prototype objects; `{}` when it has none. */
  readonly details: Readonly<Record<string, unknown>>;
  readonly raw: unknown;
  readonly format: WireFormat;

  /** Makes a decoded error; {@link decodeError} does this for you. */
  constructor(init: RemoteErrorInit) {
    super();
    this.message = init.message;
    this.httpStatus = init.httpStatus;
    this.status = init.httpStatus;
    this.code = init.code;
    this.statusName = statusCodeName(init.httpStatus);
    this.retryable = init.retryable;
    this.throttling = init.throttling;
    this.notApplied = init.notApplied;
    this.retryAfter = init.retryAfter;
    this.requestId = init.requestId;
    this.docs = init.docs;
    this.violations = init.violations;
    this.details = init.details;
    this.raw = init.raw;
    this.format = init.format;
  }

  /** The facts as plain JSON for logs, without the raw body. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      httpStatus: this.httpStatus,
      code: this.code,
      statusName: this.statusName,
      message: this.message,
      retryable: this.retryable,
      retryAfter: this.retryAfter,
      requestId: this.requestId,
      docs: this.docs,
      violations: this.violations,
      format: this.format,
    };
  }
}

RemoteError.prototype.name = 'RemoteError';
Object.defineProperty(RemoteError.prototype, 'stack', {
  get(this: RemoteError) {
    return `${this.name}: ${this.message}`;
  },
  configurable: true,
});
Object.defineProperty(RemoteError.prototype, REMOTE_ERROR_BRAND, { value: true });
