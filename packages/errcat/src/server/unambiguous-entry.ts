import { baseCatalog } from '../base/base-catalog.js';
import type { CatalogEntry } from '../catalog-entry.js';
import { CatalogError } from '../catalog-error.js';
import type { CatalogSpec, ErrorCode } from '../catalog-spec.js';
import type { CatalogMethods } from '../catalog-types.js';
import { describeError } from '../render/error-view.js';
import type { WireProfile } from '../render/wire-profile.js';

type AnyCatalog = CatalogMethods<CatalogSpec>;

/** The code `profile` puts on the wire for `entry`, read back with the profile's own decoder. */
function wireCode(entry: CatalogEntry, profile: WireProfile): ErrorCode | undefined {
  try {
    return profile.decode?.(profile.body(describeError(new CatalogError(entry, entry.example ?? {}))))?.code;
  } catch {
    return undefined;
  }
}

/**
 * The catalog entry that answers to `code` on the wire, when it is not `entry` itself. A format
 * whose only code is the HTTP status (Resonate v0.9.5's envelope) is left out: there every entry
 * of a status shares its code by design.
 */
function otherOwner(catalog: AnyCatalog, entry: CatalogEntry, code: ErrorCode | undefined) {
  if (code === undefined || code === entry.status) return undefined;
  const owner = catalog.entry(code);
  // Only an entry with that very code: `entry()` also finds keys, which no format sends as codes.
  return owner !== undefined && owner !== entry && String(owner.code) === String(code) ? owner : undefined;
}

/**
 * A base role the catalog leaves unmapped whose wire code in `profile` is another entry's code:
 * the `resonate-legacy` profile sends an unmapped 503 `OVERLOADED` as `5030`, which a client reads
 * as the catalog's `SHUTTING_DOWN`.
 *
 * @example
 * ```ts
 * for (const { role, code, owner } of roleCodeCollisions(catalog, getProfile('resonate-legacy'))) {
 *   console.log(`${role} would be sent as ${code}, the code of ${owner}`);
 * }
 * ```
 */
export interface RoleCodeCollision {
  /** The unmapped base role. */
  readonly role: string;
  /** The code the profile would send for it. */
  readonly code: ErrorCode;
  /** The key of the catalog entry that code already names. */
  readonly owner: string;
  /** The free code errcat sends for the role instead, or `undefined` when it finds none. */
  readonly sentAs: ErrorCode | undefined;
}

/**
 * Every base role that `catalog` does not map and whose code in `profile` would name another of
 * its entries, so that `errcat lint` can ask for an entry of its own (`role: OVERLOADED`).
 *
 * @example
 * ```ts
 * roleCodeCollisions(promisesCatalog, getProfile('resonate-legacy'));
 * // [{ role: 'OVERLOADED', code: 5030, owner: 'SYSTEM_SHUTTING_DOWN', sentAs: 5035 }, …]
 * ```
 */
export function roleCodeCollisions(catalog: AnyCatalog, profile: WireProfile): RoleCodeCollision[] {
  const collisions: RoleCodeCollision[] = [];
  for (const base of baseCatalog.entries) {
    if (catalog.roleEntry(base.key) !== undefined) continue;
    const code = wireCode(base, profile);
    const owner = otherOwner(catalog, base, code);
    if (owner === undefined || code === undefined) continue;
    const instead = freeCodeEntry(base, catalog, profile);
    const sentAs = instead === base ? undefined : wireCode(instead, profile);
    collisions.push({ role: base.key, code, owner: owner.key, sentAs });
  }
  return collisions;
}

/** Entries already checked, per catalog and profile: the entry to render instead (often itself). */
const checked = new WeakMap<AnyCatalog, WeakMap<WireProfile, Map<CatalogEntry, CatalogEntry>>>();

/**
 * The entry to render so that no code on the wire means two entries. A catalog's own entries are
 * rendered as they are. An entry from elsewhere (a base role the catalog does not map) whose code
 * in `profile` names one of the catalog's entries is sent with the next free code of the same
 * kind instead, through the profile's `extensions.<profile>.code` (`resonate-legacy`: `5030` taken
 * by `SHUTTING_DOWN`, so an unmapped `OVERLOADED` goes out as `5035` when 5031–5034 are taken
 * too, still a 503). When no free code can be found, or the profile has no decoder, the entry is
 * rendered as it is; `errcat lint` reports the collision either way.
 *
 * @example
 * ```ts
 * const entry = unambiguousEntry(error.entry, catalog, profile);
 * ```
 */
export function unambiguousEntry(
  entry: CatalogEntry,
  catalog: AnyCatalog | undefined,
  profile: WireProfile,
): CatalogEntry {
  if (catalog === undefined || profile.decode === undefined) return entry;
  if (catalog.entry(entry.key) === entry) return entry;
  let byProfile = checked.get(catalog);
  if (byProfile === undefined) {
    byProfile = new WeakMap();
    checked.set(catalog, byProfile);
  }
  let byEntry = byProfile.get(profile);
  if (byEntry === undefined) {
    byEntry = new Map();
    byProfile.set(profile, byEntry);
  }
  let chosen = byEntry.get(entry);
  if (chosen === undefined) {
    chosen = freeCodeEntry(entry, catalog, profile);
    byEntry.set(entry, chosen);
  }
  return chosen;
}

/** `entry`, or a copy sending the first code after its own (same status decade) that no entry owns. */
function freeCodeEntry(entry: CatalogEntry, catalog: AnyCatalog, profile: WireProfile): CatalogEntry {
  const code = wireCode(entry, profile);
  if (otherOwner(catalog, entry, code) === undefined || typeof code !== 'number') return entry;
  const decade = code - (code % 10);
  for (let candidate = decade; candidate < decade + 10; candidate++) {
    if (catalog.entry(candidate) !== undefined) continue;
    const own = entry.extensions[profile.name];
    const extensions = {
      ...entry.extensions,
      [profile.name]: { ...(typeof own === 'object' && own !== null ? own : {}), code: candidate },
    };
    const copy: CatalogEntry = { ...entry, extensions };
    if (wireCode(copy, profile) === candidate) return copy;
  }
  return entry;
}
