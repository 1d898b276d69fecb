import { baseEntries } from './base/base-entries.js';
import type { CatalogSpec } from './catalog-spec.js';
import type { Catalog, CheckedSpec } from './catalog-types.js';
import { errcatErrors } from './errcat-catalog.js';
import { buildCatalog } from './internal/build-catalog.js';
import type { RoleEntries } from './internal/resolve-entry.js';
import { validateCatalog } from './validate-catalog.js';

/**
 * Validates a catalog and builds it, or throws `ERRCAT_INVALID_CATALOG` listing every problem.
 * Used by {@link defineCatalog} and {@link parseCatalog}.
 */
function checkAndBuild<S extends CatalogSpec>(spec: S): Catalog<S> {
  const problems = validateCatalog(spec);
  if (problems.length > 0) {
    const first = problems[0] as (typeof problems)[number];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    const domain = typeof (spec as { domain?: unknown })?.domain === 'string' ? spec.domain : 'unknown';
    throw errcatErrors.ERRCAT_INVALID_CATALOG({
      domain,
      summary: `${first.path ? `${first.path}: ` : ''}${first.message}${more}`,
      problems,
    });
  }
  return buildCatalog(
    spec,
    (domain, entry) => errcatErrors.ERRCAT_UNKNOWN_ENTRY({ domain, entry }),
    baseEntries as RoleEntries,
  );
}

/**
 * Defines a catalog in TypeScript with every type inferred: each key becomes a factory whose
 * argument is typed from the entry's details (or from its message template), and a message that
 * names an undeclared parameter is a compile error.
 *
 * @example
 * ```ts
 * const catalog = defineCatalog({
 *   domain: 'promises.example.com',
 *   docs: 'https://example.com/errors',
 *   errors: {
 *     PROMISE_NOT_FOUND: { code: 4040, status: 404, message: "Promise '{id}' not found", details: { id: 'string' } },
 *   },
 * });
 * throw catalog.PROMISE_NOT_FOUND({ id: 'p1' });
 * ```
 */
export function defineCatalog<const S extends CatalogSpec>(spec: CheckedSpec<S>): Catalog<S> {
  return checkAndBuild(spec as S);
}

/**
 * Builds a catalog from untrusted data, such as parsed YAML or JSON. Give the type that
 * `errcat types` generated to get the same typing as {@link defineCatalog}.
 *
 * @example
 * ```ts
 * import type { ResonateSpec } from './errors.generated.js';
 * const catalog = parseCatalog<ResonateSpec>(JSON.parse(text));
 * ```
 */
export function parseCatalog<S extends CatalogSpec = CatalogSpec>(data: unknown): Catalog<S> {
  return checkAndBuild(data as S);
}
