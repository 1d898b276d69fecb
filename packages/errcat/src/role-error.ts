import { baseCatalog } from './base/base-catalog.js';
import type { BaseRole } from './base/base-entries.js';
import type { CatalogEntry } from './catalog-entry.js';
import { CatalogError, type CatalogErrorOptions } from './catalog-error.js';
import type { CatalogSpec } from './catalog-spec.js';
import type { CatalogMethods } from './catalog-types.js';

/**
 * The entry that plays `role` in `catalog`, falling back to errcat's base catalog.
 *
 * @example
 * ```ts
 * entryForRole(catalog, 'INTERNAL_ERROR').code; // 5000 if the catalog maps it, else 'INTERNAL_ERROR'
 * ```
 */
export function entryForRole(catalog: CatalogMethods<CatalogSpec> | undefined, role: BaseRole): CatalogEntry {
  return catalog?.roleEntry(role) ?? (baseCatalog.entry(role) as CatalogEntry);
}

/**
 * Makes the error that plays `role`: the user's entry when the catalog maps the role, else the base
 * catalog's. Servers and guards raise errors this way so every API speaks its own codes.
 *
 * @example
 * ```ts
 * throw roleError(catalog, 'VALIDATION_FAILED', { errors: violations });
 * ```
 */
export function roleError(
  catalog: CatalogMethods<CatalogSpec> | undefined,
  role: BaseRole,
  details: Readonly<Record<string, unknown>> = {},
  options?: CatalogErrorOptions,
): CatalogError {
  return new CatalogError(entryForRole(catalog, role), details, options);
}
