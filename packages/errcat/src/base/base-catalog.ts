import type { Catalog } from '../catalog-types.js';
import { defineCatalog } from '../define-catalog.js';
import { baseEntries } from './base-entries.js';

/**
 * The spec of errcat's base catalog: the errors that servers and guards raise when the user's
 * catalog has no entry playing that role. Spread it into your own catalog to extend, rename or
 * renumber its entries (set `role` on your entry to the base key it replaces).
 *
 * @example
 * ```ts
 * const catalog = defineCatalog({
 *   domain: 'api.example.com',
 *   errors: { SERVER_ERROR: { code: 5000, status: 500, message: 'Internal error', role: 'INTERNAL_ERROR' } },
 * });
 * ```
 */
export const baseCatalogSpec = {
  domain: 'base.errcat.dev',
  name: 'errcat base catalog',
  description: 'The errors errcat servers and guards raise when your catalog does not map them.',
  categories: {
    request: {
      title: 'Request errors',
      description: 'The request is wrong; retrying it unchanged fails again.',
    },
    auth: {
      title: 'Authentication and permission',
      description: 'Credentials are missing, invalid or insufficient.',
    },
    data: { title: 'Data errors', description: 'The data layer refused the change.' },
    traffic: { title: 'Traffic errors', description: 'The server limits or sheds load; retry later.' },
    server: { title: 'Server errors', description: 'The server failed; retrying may succeed.' },
  },
  errors: baseEntries,
} as const;

/**
 * errcat's base catalog, built from {@link baseCatalogSpec}.
 *
 * @example
 * ```ts
 * throw baseCatalog.ROUTE_NOT_FOUND();
 * ```
 */
export const baseCatalog: Catalog<typeof baseCatalogSpec> = defineCatalog(baseCatalogSpec);
