import type { CatalogEntry } from '../catalog-entry.js';
import type { DecodedError } from './decoded-error.js';
import type { ErrorView, RenderContext } from './error-view.js';

/**
 * A wire format: how an error view becomes a response body. Profiles are values, so a user can
 * define one with the same interface as the built-in ones.
 *
 * @example
 * ```ts
 * const minimal: WireProfile = {
 *   name: 'minimal',
 *   contentType: 'application/json; charset=utf-8',
 *   body: (view) => ({ code: view.code, message: view.message }),
 * };
 * ```
 */
export interface WireProfile {
  /** The name used on the command line and in `Accept` negotiation. */
  readonly name: string;
  /** The `Content-Type` of the body. */
  readonly contentType: string;
  /** The body, as a JSON-serialisable value. It must not throw, whatever the details hold. */
  readonly body: (view: ErrorView) => unknown;
  /**
   * Precompiles the body of one entry's errors: called once per entry, it returns a writer that
   * gives, byte for byte, what `body` gives through `JSON.stringify`, with the entry's constant
   * members (type, title, code…) serialised ahead and only the values that change per error
   * (message, request id, details) escaped per call. A writer returns `undefined` to send a view
   * through `body` instead (a translated title, a value of an unexpected type). Neither may throw.
   * @default every body through `body` and `JSON.stringify`
   */
  readonly compile?: (entry: CatalogEntry) => (view: ErrorView) => string | undefined;
  /** The HTTP status to send, when the format derives its own (`resonate-legacy`: 4040 → 404). @default view.status */
  readonly status?: (view: ErrorView) => number;
  /**
   * The body of a successful response, for formats that wrap every response in one envelope; it
   * gets the HTTP status the response is sent with (200, 201…; 200 when not given), for envelopes
   * that repeat it.
   */
  readonly success?: (data: unknown, context: RenderContext, status?: number) => unknown;
  /** Reads the code (and what else the format carries) back out of a parsed error body. */
  readonly decode?: (body: unknown) => DecodedError | undefined;
  /** A URI naming the profile, accepted in `Accept: …; profile="<uri>"` next to the name. */
  readonly profileUri?: string;
}
