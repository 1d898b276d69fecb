import type { CatalogEntry } from '../catalog-entry.js';
import { CatalogError } from '../catalog-error.js';
import { statusCodeName } from '../http/status-names.js';
import type { RemoteViolation, WireFormat } from '../render/decoded-error.js';
import { REMOTE_ERROR_BRAND } from './remote-error.js';
import type { RemoteFacts } from './remote-facts.js';

/**
 * The wire facts a {@link RemoteCatalogError} keeps next to its catalog entry.
 *
 * @example
 * ```ts
 * const init: RemoteCatalogErrorInit = {
 *   httpStatus: 404, message: undefined, retryAfter: undefined, requestId: 'r1', violations: [], raw: undefined, format: 'problem',
 * };
 * ```
 */
export interface RemoteCatalogErrorInit {
  readonly httpStatus: number;
  /** The message the server sent; the entry's rendered template when it sent none. */
  readonly message: string | undefined;
  /** The delay the response gave (header or body), never the catalog's default. */
  readonly retryAfter: number | undefined;
  readonly requestId: string | undefined;
  readonly violations: readonly RemoteViolation[];
  readonly raw: unknown;
  readonly format: WireFormat;
}

/**
 * An error response whose code matched an entry of the catalog given to the decoder: a real
 * {@link CatalogError} of that entry (so `catalog.is(error, 'KEY')`, `error.key` narrowing and the
 * entry's `retryable`, `throttling` and `notApplied` flags all work) that also carries the wire
 * facts: `httpStatus`, `requestId`, `retryAfter`, `violations`, `raw` and `format`.
 *
 * `details` holds only the fields the entry declares, each with its declared JSON type; a field the
 * server left out or sent with another type is absent, which is why the details type is `Partial`.
 *
 * @example
 * ```ts
 * const error = await decodeError(response, { catalog });
 * if (!error.ok && error.key === 'INSTANCE_NOT_FOUND') console.log(error.details.instance_id, error.requestId);
 * ```
 */
export class RemoteCatalogError<Key extends string = string, Details = Record<string, unknown>>
  extends CatalogError<Key, Details>
  implements RemoteFacts
{
  readonly ok = false as const;
  readonly httpStatus: number;
  readonly requestId: string | undefined;
  readonly violations: readonly RemoteViolation[];
  readonly raw: unknown;
  readonly format: WireFormat;

  /** Makes a decoded catalog error; {@link decodeError} does this for you. */
  constructor(entry: CatalogEntry, details: Details, init: RemoteCatalogErrorInit) {
    super(entry, details, init.retryAfter === undefined ? undefined : { retryAfter: init.retryAfter });
    if (init.message !== undefined) this.message = init.message;
    this.httpStatus = init.httpStatus;
    this.requestId = init.requestId;
    this.violations = init.violations;
    this.raw = init.raw;
    this.format = init.format;
  }

  /**
   * Seconds to wait before retrying, as the response says (`Retry-After`, `RateLimit`, a body field
   * its format defines); `undefined` when it says nothing, whatever the catalog's default.
   */
  override get retryAfter(): number | undefined {
    return this.retryAfterOverride;
  }

  /**
   * The catalog's default delay for the entry, in seconds: what a server that speaks the catalog
   * sends with it. A separate fact from {@link retryAfter}; `createClient` waits this long when the
   * response gave no delay.
   *
   * @example
   * ```ts
   * const wait = error.retryAfter ?? error.catalogRetryAfter; // the response's, else the catalog's
   * ```
   */
  get catalogRetryAfter(): number | undefined {
    return this.entry.retryAfter;
  }

  /** The name of the response's status in UPPER_SNAKE (`NOT_FOUND`); `UNKNOWN` when it is 0. */
  get statusName(): string {
    return statusCodeName(this.httpStatus);
  }
}

RemoteCatalogError.prototype.name = 'RemoteCatalogError';
Object.defineProperty(RemoteCatalogError.prototype, REMOTE_ERROR_BRAND, { value: true });
