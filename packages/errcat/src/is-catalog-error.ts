import { CATALOG_ERROR_BRAND, type CatalogError } from './catalog-error.js';

/**
 * True when `value` is an error made by any errcat catalog (of entry `key` when given). It checks a
 * `Symbol.for` brand, not class identity, so it works across duplicate installs and realms.
 *
 * @example
 * ```ts
 * if (isCatalogError(error, 'PROMISE_NOT_FOUND')) reply.code(error.status);
 * ```
 */
export function isCatalogError<K extends string = string>(value: unknown, key?: K): value is CatalogError<K> {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [CATALOG_ERROR_BRAND]?: unknown })[CATALOG_ERROR_BRAND] === true &&
    (key === undefined || (value as CatalogError).key === key)
  );
}
