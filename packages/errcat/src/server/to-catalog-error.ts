import type { CatalogError } from '../catalog-error.js';
import type { CatalogSpec } from '../catalog-spec.js';
import type { CatalogMethods } from '../catalog-types.js';
import { isCatalogError } from '../is-catalog-error.js';
import { roleError } from '../role-error.js';

/**
 * Turns a thrown value that is not a catalog error into one, or returns `undefined` to pass. Use it
 * to map errors of your libraries (an ORM's "record not found") to your catalog's entries; keep the
 * original as `cause` so it is logged.
 *
 * @example
 * ```ts
 * const prismaNotFound: ErrorMapper = (thrown) =>
 *   thrown instanceof Prisma.PrismaClientKnownRequestError && thrown.code === 'P2025'
 *     ? catalog.RECORD_NOT_FOUND({ cause: thrown })
 *     : undefined;
 * ```
 */
export type ErrorMapper = (
  thrown: unknown,
  catalog: CatalogMethods<CatalogSpec> | undefined,
) => CatalogError | undefined;

/**
 * The catalog error that answers a thrown value: a catalog error as it is; else the first mapper's
 * answer; else the catalog's `INTERNAL_ERROR` role with the thrown value as its (logged, never
 * rendered) cause. A mapper that throws is skipped.
 *
 * @example
 * ```ts
 * toCatalogError(new TypeError('x is undefined'), catalog).code; // the INTERNAL_ERROR role's code
 * ```
 */
export function toCatalogError(
  thrown: unknown,
  catalog: CatalogMethods<CatalogSpec> | undefined,
  mappers: readonly ErrorMapper[] = [],
): CatalogError {
  if (isCatalogError(thrown)) return thrown;
  for (const mapper of mappers) {
    try {
      const mapped = mapper(thrown, catalog);
      if (mapped !== undefined && isCatalogError(mapped)) return mapped;
    } catch {
      // A broken mapper must not turn one failure into two; the error falls through to INTERNAL_ERROR.
    }
  }
  return roleError(catalog, 'INTERNAL_ERROR', {}, { cause: thrown });
}
