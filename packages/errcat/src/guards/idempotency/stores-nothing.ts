import { isCatalogError } from '../../is-catalog-error.js';

/**
 * True for an error that proves its request had no effect, so the idempotency guard stores nothing
 * and frees the key for a corrected retry: a catalog error whose entry is `notApplied`, or one
 * playing `VALIDATION_FAILED` (a request that fails validation did nothing, as Stripe rules).
 * Any other error is the request's final answer and is stored and replayed, 5xx included.
 *
 * @example
 * ```ts
 * storesNothing(baseCatalog.VALIDATION_FAILED({ errors: [] })); // true
 * storesNothing(new Error('boom')); // false: the 500 it becomes is replayed
 * ```
 */
export function storesNothing(error: unknown): boolean {
  if (!isCatalogError(error)) return false;
  return error.notApplied || error.key === 'VALIDATION_FAILED' || error.entry.role === 'VALIDATION_FAILED';
}
