import type { CatalogEntry } from '../catalog-entry.js';
import type { ErrorView } from './error-view.js';
import type { WireProfile } from './wire-profile.js';

type BodyWriter = (view: ErrorView) => string | undefined;

/** Writers compiled so far, per profile and entry; `null` where a profile has none. */
const compiled = new WeakMap<WireProfile, WeakMap<CatalogEntry, BodyWriter | null>>();

/**
 * The writer `profile.compile` made for `entry`, compiled on first use and kept as long as both
 * live; `undefined` when the profile compiles nothing (or its `compile` threw), so the body goes
 * through `profile.body`.
 *
 * @example
 * ```ts
 * const body = bodyWriter(profile, error.entry)?.(view) ?? safeStringify(profile.body(view));
 * ```
 */
export function bodyWriter(profile: WireProfile, entry: CatalogEntry): BodyWriter | undefined {
  const compile = profile.compile;
  if (compile === undefined) return undefined;
  let byEntry = compiled.get(profile);
  if (byEntry === undefined) {
    byEntry = new WeakMap();
    compiled.set(profile, byEntry);
  }
  let writer = byEntry.get(entry);
  if (writer === undefined) {
    try {
      writer = compile(entry);
    } catch {
      writer = null;
    }
    byEntry.set(entry, writer);
  }
  return writer ?? undefined;
}
