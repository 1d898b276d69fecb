import { type CatalogEntry, type CatalogMethods, type CatalogSpec, errcatErrors } from 'errcat';
import { nearest } from './nearest.js';

/**
 * Finds an entry by key or code, or throws `ERRCAT_UNKNOWN_ENTRY` with the nearest matches.
 *
 * @example
 * ```ts
 * findEntry(catalog, '4040').key; // 'ORDER_NOT_FOUND'
 * findEntry(catalog, 'ORDER_NOT_FOUN'); // throws: … did you mean ORDER_NOT_FOUND?
 * ```
 */
export function findEntry(catalog: CatalogMethods<CatalogSpec>, wanted: string): CatalogEntry {
  const entry = catalog.entry(wanted) ?? catalog.entry(wanted.toUpperCase());
  if (entry) return entry;
  const names = catalog.entries.flatMap((e) => [e.key, String(e.code)]);
  const hints = nearest(wanted, names);
  throw errcatErrors.ERRCAT_UNKNOWN_ENTRY({
    domain: catalog.domain,
    entry: wanted,
    ...(hints.length > 0 ? { suggestions: hints.join(', ') } : {}),
  });
}
