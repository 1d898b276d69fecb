import { builtinProfiles, type CatalogSpec, getProfile, type WireProfile } from 'errcat';

/**
 * The profiles the docs show: the catalog's own, and the others that get a tab each.
 *
 * @example
 * ```ts
 * const { profile, otherProfiles }: DocsProfiles = docsProfiles(catalog.spec, ['google']);
 * ```
 */
export interface DocsProfiles {
  /** The catalog's profile (`profile` in the catalog, else `problem`). */
  readonly profile: WireProfile;
  /** The other profiles, in the order given. */
  readonly otherProfiles: readonly WireProfile[];
}

/**
 * Picks the profiles of the example responses: the catalog's own first, then `tabs` (every
 * built-in profile by default). An unknown name is an `ERRCAT_UNKNOWN_PROFILE` error that lists
 * the names available.
 *
 * @example
 * ```ts
 * docsProfiles(catalog.spec, ['google', 'jsonapi']).otherProfiles.map((p) => p.name); // ['google', 'jsonapi']
 * ```
 */
export function docsProfiles(spec: CatalogSpec, tabs?: readonly string[]): DocsProfiles {
  const profile = getProfile(spec.profile ?? 'problem');
  const others = tabs === undefined ? Object.values(builtinProfiles) : tabs.map((name) => getProfile(name));
  const seen = new Set([profile.name]);
  const otherProfiles = others.filter((other) => !seen.has(other.name) && seen.add(other.name));
  return { profile, otherProfiles };
}
