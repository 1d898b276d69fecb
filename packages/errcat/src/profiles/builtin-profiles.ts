import { errcatErrors } from '../errcat-catalog.js';
import { problemProfile } from '../render/problem-profile.js';
import type { WireProfile } from '../render/wire-profile.js';
import { googleProfile } from './google-profile.js';
import { jsonApiProfile } from './jsonapi-profile.js';
import { resonateLegacyProfile } from './resonate-legacy-profile.js';
import { resonateProfile } from './resonate-profile.js';
import { rstmdbProfile } from './rstmdb-profile.js';
import { createSimpleProfile, simpleProfile } from './simple-profile.js';

/**
 * Every wire profile errcat ships, by name: `problem` (RFC 9457, the default), `google`
 * (google.rpc.Status), `jsonapi`, `simple` and `simple-flat`, and one per seed system:
 * `resonate-legacy`, `resonate`, `rstmdb`.
 *
 * @example
 * ```ts
 * renderError(error, { profile: builtinProfiles.google });
 * Object.keys(builtinProfiles); // ['problem', 'google', 'jsonapi', …]
 * ```
 */
export const builtinProfiles = {
  problem: problemProfile,
  google: googleProfile,
  jsonapi: jsonApiProfile,
  simple: simpleProfile,
  'simple-flat': createSimpleProfile({ layout: 'flat' }),
  'resonate-legacy': resonateLegacyProfile,
  resonate: resonateProfile,
  rstmdb: rstmdbProfile,
} as const satisfies Readonly<Record<string, WireProfile>>;

/**
 * The name of a built-in wire profile.
 *
 * @example
 * ```ts
 * const name: BuiltinProfileName = 'simple-flat'; // builtinProfiles[name] is its WireProfile
 * ```
 */
export type BuiltinProfileName = keyof typeof builtinProfiles;

/**
 * Finds a wire profile by name among your own profiles (first) and the built-in ones, or throws
 * `ERRCAT_UNKNOWN_PROFILE` naming the ones available.
 *
 * @example
 * ```ts
 * getProfile('google'); // googleProfile
 * getProfile('minimal', [minimalProfile]); // your own
 * getProfile('nope'); // throws ERRCAT_UNKNOWN_PROFILE
 * ```
 */
export function getProfile(name: string, custom: readonly WireProfile[] = []): WireProfile {
  const own = custom.find((profile) => profile.name === name);
  if (own) return own;
  if (Object.hasOwn(builtinProfiles, name)) return builtinProfiles[name as BuiltinProfileName];
  const available = [...custom.map((profile) => profile.name), ...Object.keys(builtinProfiles)];
  throw errcatErrors.ERRCAT_UNKNOWN_PROFILE({
    profile: name.slice(0, 64),
    available: [...new Set(available)].join(', '),
  });
}
