import { type CatalogError, errcatErrors } from 'errcat';

/**
 * A command-line usage mistake as errcat's `ERRCAT_BAD_ARGUMENT` error, with a one-line reason.
 *
 * @example
 * ```ts
 * throw usageError('lint needs a catalog path');
 * ```
 */
export function usageError(reason: string): CatalogError {
  return errcatErrors.ERRCAT_BAD_ARGUMENT({ reason });
}
