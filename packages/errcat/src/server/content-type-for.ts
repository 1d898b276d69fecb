import { parseAccept } from '../http/parse-accept.js';
import type { WireProfile } from '../render/wire-profile.js';

/**
 * The `Content-Type` to send a profile's body with. A structured-syntax JSON type
 * (`application/problem+json`, `application/vnd.api+json`) becomes plain `application/json` when
 * the client's `Accept` lists `application/json` but neither that type nor a wildcard; the body is
 * the same. Anything else (no header, `text/html`) keeps the profile's type: errors are JSON, never
 * HTML, never a 406.
 *
 * @example
 * ```ts
 * contentTypeFor(problemProfile, 'application/json'); // 'application/json'
 * contentTypeFor(problemProfile, 'application/problem+json, application/json;q=0.5'); // 'application/problem+json'
 * contentTypeFor(problemProfile, 'text/html'); // 'application/problem+json'
 * ```
 */
export function contentTypeFor(profile: WireProfile, accept: string | undefined): string {
  const contentType = profile.contentType;
  // Most requests never name application/json: skip parsing for them.
  if (accept === undefined || !accept.toLowerCase().includes('application/json')) return contentType;
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (!type.endsWith('+json')) return contentType;
  let json = false;
  for (const range of parseAccept(accept)) {
    if (range.q === 0) continue;
    if (range.type === type || range.type === '*/*' || range.type === 'application/*') return contentType;
    if (range.type === 'application/json') json = true;
  }
  return json ? 'application/json' : contentType;
}
