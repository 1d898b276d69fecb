import type { ErrorView } from './error-view.js';

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
  /** The body, as a JSON-serialisable value. */
  readonly body: (view: ErrorView) => unknown;
}
