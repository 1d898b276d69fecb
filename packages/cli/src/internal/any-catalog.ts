import type { CatalogMethods, CatalogSpec } from 'errcat';

/**
 * A catalog of any spec, as the functions that only read one take it: `Catalog<S>` of a literal
 * spec is not assignable to `Catalog`, because of its typed factories.
 *
 * @example
 * ```ts
 * function entryCount(catalog: AnyCatalog): number {
 *   return catalog.entries.length;
 * }
 * ```
 */
export type AnyCatalog = CatalogMethods<CatalogSpec>;
