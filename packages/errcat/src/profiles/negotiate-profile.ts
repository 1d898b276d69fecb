import { type MediaRange, parseAccept } from '../http/parse-accept.js';
import { problemProfile } from '../render/problem-profile.js';
import type { WireProfile } from '../render/wire-profile.js';

/** A profile's media type without parameters, in lower case. */
function mediaTypeOf(profile: WireProfile): string {
  return (profile.contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** Every built-in profile is JSON, so `application/json` and wildcards accept any of them. */
function acceptsAnyJson(range: MediaRange): boolean {
  return range.type === 'application/json' || range.type === '*/*' || range.type === 'application/*';
}

function rangeAccepts(range: MediaRange, profile: WireProfile): boolean {
  return acceptsAnyJson(range) || range.type === mediaTypeOf(profile);
}

/** The profiles a `profile="…"` parameter names: space-separated names or URIs (RFC 6906). */
function namedBy(range: MediaRange, enabled: readonly WireProfile[]): WireProfile | undefined {
  const names = range.params.profile?.split(/\s+/) ?? [];
  for (const name of names) {
    const profile = enabled.find((candidate) => candidate.name === name || candidate.profileUri === name);
    if (profile && rangeAccepts(range, profile)) return profile;
  }
  return undefined;
}

/**
 * Chooses the wire profile for a response from the request's `Accept` header, among the profiles
 * the server enables (the first is the default). A client picks one by its own media type
 * (`application/problem+json`, `application/vnd.api+json`) or by name or URI in a `profile`
 * parameter (`application/json; profile="google"`); `application/json`, wildcards and anything
 * else (`text/html` included) get the default, so an error is always JSON, never a 406. Ranges
 * with `q=0` exclude a profile when another is left.
 *
 * @example
 * ```ts
 * const enabled = [problemProfile, googleProfile, jsonApiProfile];
 * negotiateProfile('application/vnd.api+json', enabled); // jsonApiProfile
 * negotiateProfile('application/json; profile=google', enabled); // googleProfile
 * negotiateProfile('text/html', enabled); // problemProfile
 * ```
 */
export function negotiateProfile(
  accept: string | null | undefined,
  enabled: readonly WireProfile[] = [problemProfile],
): WireProfile {
  const ranges = parseAccept(accept);
  const refused = new Set<WireProfile>();
  for (const range of ranges) {
    if (range.q > 0) continue;
    const named = namedBy(range, enabled);
    if (named) refused.add(named);
    else for (const profile of enabled) if (range.type === mediaTypeOf(profile)) refused.add(profile);
  }
  const usable = enabled.filter((profile) => !refused.has(profile));
  const fallback = usable[0] ?? enabled[0] ?? problemProfile;
  for (const range of ranges) {
    if (range.q === 0) break;
    if (range.params.profile !== undefined) {
      const named = namedBy(range, usable);
      if (named) return named;
    }
    if (acceptsAnyJson(range)) return fallback;
    const exact = usable.find((profile) => mediaTypeOf(profile) === range.type);
    if (exact) return exact;
  }
  return fallback;
}
