import { REMOTE_ERROR_BRAND } from './remote-error.js';
import type { RemoteFacts } from './remote-facts.js';

/**
 * True for an error decoded from a response ({@link RemoteError} or {@link RemoteCatalogError}),
 * across duplicate installs and realms (it checks a `Symbol.for` brand).
 *
 * @example
 * ```ts
 * try { await api.get('x'); } catch (error) {
 *   if (isRemoteError(error)) console.log(error.httpStatus, error.requestId);
 * }
 * ```
 */
export function isRemoteError(value: unknown): value is Error & RemoteFacts {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [REMOTE_ERROR_BRAND]?: unknown })[REMOTE_ERROR_BRAND] === true
  );
}
