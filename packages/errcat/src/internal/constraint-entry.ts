import type { CatalogEntry } from '../catalog-entry.js';
import type { CatalogSpec, ConstraintViolation, DatabaseViolationSpec } from '../catalog-spec.js';
import type { CatalogMethods } from '../catalog-types.js';
import { CONSTRAINT_ROLES } from './constraint-roles.js';
import type { DatabaseFailure } from './database-failure.js';

/**
 * A column list in one spelling: the names trimmed and sorted, so `sku, tenant` is `tenant, sku`.
 *
 * @example
 * ```ts
 * columnSet(' tenant,sku '); // 'sku,tenant'
 * ```
 */
export function columnSet(columns: string): string {
  return columns
    .split(',')
    .map((name) => name.trim())
    .sort()
    .join(',');
}

/** How many parts of the binding match the failure, or -1 when one of them does not. */
function matchedParts(binding: DatabaseViolationSpec, failure: DatabaseFailure): number {
  let parts = 0;
  if (binding.column !== undefined) {
    if (failure.column === undefined || columnSet(binding.column) !== columnSet(failure.column)) return -1;
    parts++;
  }
  if (binding.constraint !== undefined) {
    if (binding.constraint !== failure.constraint) return -1;
    parts++;
  }
  if (binding.table !== undefined) {
    if (binding.table !== failure.table) return -1;
    parts++;
  }
  return parts;
}

/**
 * The catalog entry that declares it answers this constraint violation (`database: { violation,
 * column }`), or `undefined`: the caller then raises the violation's role entry. The entry giving
 * the most matching parts wins; between equals, the first declared.
 *
 * @example
 * ```ts
 * constraintEntry(catalog, { role: 'UNIQUE_VIOLATION', field: 'email', column: 'email' })?.key; // 'EMAIL_ALREADY_REGISTERED'
 * ```
 */
export function constraintEntry(
  catalog: CatalogMethods<CatalogSpec> | undefined,
  failure: DatabaseFailure,
): CatalogEntry | undefined {
  const violation = (Object.keys(CONSTRAINT_ROLES) as ConstraintViolation[]).find(
    (kind) => CONSTRAINT_ROLES[kind] === failure.role,
  );
  if (catalog === undefined || violation === undefined) return undefined;
  let best: CatalogEntry | undefined;
  let bestParts = 0;
  for (const entry of catalog.entries) {
    const binding = entry.spec.database;
    if (binding?.violation !== violation) continue;
    const parts = matchedParts(binding, failure);
    if (parts > bestParts) {
      best = entry;
      bestParts = parts;
    }
  }
  return best;
}
