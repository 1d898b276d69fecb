import type { CatalogEntry } from '../catalog-entry.js';
import { CatalogError, type CatalogErrorOptions } from '../catalog-error.js';
import type { CatalogSpec } from '../catalog-spec.js';
import type { Catalog, CatalogMethods } from '../catalog-types.js';
import { isCatalogError } from '../is-catalog-error.js';
import { type RoleEntries, resolveEntry } from './resolve-entry.js';

const NO_DETAILS: Readonly<Record<string, unknown>> = Object.freeze({});

/** Splits a factory argument into the details and the error options, without copying in the common case. */
function makeError(entry: CatalogEntry, args: Record<string, unknown> | undefined): CatalogError {
  if (args === undefined) return new CatalogError(entry, NO_DETAILS);
  if (args.cause === undefined && args.headers === undefined && args.retryAfter === undefined) {
    return new CatalogError(entry, args);
  }
  const { cause, headers, retryAfter, ...details } = args;
  return new CatalogError(entry, details, { cause, headers, retryAfter } as CatalogErrorOptions);
}

/**
 * Builds the catalog object from a spec that passed validation: one factory per key plus methods.
 * `unknownKey` makes the error thrown when `create` is given a key the catalog lacks; `roles` are
 * the entries that `role`s name (defineCatalog passes the base catalog's; errcat's own has none).
 *
 * @example
 * ```ts
 * const catalog = buildCatalog(spec, (domain, key) => errcatErrors.ERRCAT_UNKNOWN_ENTRY({ domain, entry: key }));
 * ```
 */
export function buildCatalog<S extends CatalogSpec>(
  spec: S,
  unknownKey: (domain: string, key: string) => Error,
  roles?: RoleEntries,
): Catalog<S> {
  const entries: CatalogEntry[] = [];
  const byKeyOrCode = new Map<string, CatalogEntry>();
  const byRole = new Map<string, CatalogEntry>();
  const catalog: Record<string, unknown> = {};
  for (const [key, entrySpec] of Object.entries(spec.errors)) {
    const entry = resolveEntry(spec, key, entrySpec, roles);
    entries.push(entry);
    byKeyOrCode.set(key, entry);
    byKeyOrCode.set(String(entry.code), entry);
    if (entrySpec.role !== undefined) byRole.set(entrySpec.role, entry);
    catalog[key] = (args?: Record<string, unknown>) => makeError(entry, args);
  }
  const methods: CatalogMethods<S> = {
    spec,
    domain: spec.domain,
    version: spec.version,
    entries,
    entry: (keyOrCode) => byKeyOrCode.get(String(keyOrCode)),
    roleEntry: (role) => byRole.get(role),
    create: (key, args) => {
      const entry = byKeyOrCode.get(key);
      if (!entry || entry.key !== key) throw unknownKey(spec.domain, key);
      return makeError(entry, args as Record<string, unknown> | undefined) as never;
    },
    is: (value, key): value is never => isCatalogError(value, key) && value.domain === spec.domain,
  };
  return Object.freeze(Object.assign(catalog, methods)) as unknown as Catalog<S>;
}
