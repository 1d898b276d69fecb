import type { CatalogEntry } from '../catalog-entry.js';
import type { ErrorCode } from '../catalog-spec.js';
import type { WireProfile } from '../render/wire-profile.js';

/**
 * What a response is checked against: a catalog entry in a wire profile, and optionally the
 * details and request id it should carry.
 *
 * @example
 * ```ts
 * const expectation: ResponseExpectation = { catalog, entry: 'PROMISE_NOT_FOUND', profile: 'google', details: { id: 'p1' } };
 * ```
 */
export interface ResponseExpectation {
  /** The entry, or its key or code (then `catalog` is needed). */
  readonly entry: CatalogEntry | ErrorCode;
  /** The catalog to find `entry` in, when it is a key or code. */
  readonly catalog?: { entry(keyOrCode: ErrorCode): CatalogEntry | undefined };
  /** The wire profile, or its name (built-in ones, or `profiles`). @default 'problem' */
  readonly profile?: WireProfile | string;
  /** Your own profiles, looked up by name before the built-in ones. @default [] */
  readonly profiles?: readonly WireProfile[];
  /** Public details values the body must carry (a subset; internal fields must be absent). */
  readonly details?: Readonly<Record<string, unknown>>;
  /** The request id the response must carry, in its header and, when the format has one, its body. */
  readonly requestId?: string;
  /** The request id header; `false` skips it. @default 'x-request-id' */
  readonly requestIdHeader?: string | false;
  /** A header that must carry the error code (as Azure's `x-ms-error-code`); unchecked when absent. */
  readonly codeHeader?: string;
  /** Report body members the profile would not send (extensions a server added). @default false */
  readonly strict?: boolean;
}
