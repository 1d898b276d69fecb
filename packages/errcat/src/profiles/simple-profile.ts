import type { ErrorView } from '../render/error-view.js';
import type { WireProfile } from '../render/wire-profile.js';
import { decodeSimple, decodeSimpleFlat } from './simple-decode.js';

/**
 * Options of {@link createSimpleProfile}.
 *
 * @example
 * ```ts
 * const flat = createSimpleProfile({ layout: 'flat' }); // {"error":"token_expired","message":…,"code":"TOKEN_EXPIRED"}
 * ```
 */
export interface SimpleProfileOptions {
  /**
   * `'nested'`: `{"error":{"code":…,"message":…}}`. `'flat'`: the code in `error` next to the
   * message and the key, `{"error":"token_expired","message":…,"code":"TOKEN_EXPIRED"}`, as the
   * public docs of seed 004's API show it.
   * @default 'nested'
   */
  readonly layout?: 'nested' | 'flat';
}

function members(view: ErrorView, first: Record<string, unknown>): Record<string, unknown> {
  const body = first;
  if (Object.keys(view.details).length > 0) body.details = view.details;
  if (view.requestId !== undefined) body.requestId = view.requestId;
  return body;
}

/**
 * Makes the `simple` profile in one of its two layouts; {@link simpleProfile} is the nested one.
 *
 * @example
 * ```ts
 * const flat = createSimpleProfile({ layout: 'flat' });
 * ```
 */
export function createSimpleProfile(options: SimpleProfileOptions = {}): WireProfile {
  const flat = options.layout === 'flat';
  return {
    name: flat ? 'simple-flat' : 'simple',
    contentType: 'application/json; charset=utf-8',
    body: flat
      ? (view) => members(view, { error: view.code, message: view.message, code: view.key })
      : (view) => ({ error: members(view, { code: view.code, message: view.message }) }),
    decode: flat ? decodeSimpleFlat : decodeSimple,
  };
}

/**
 * The plain `{"error":{"code":…,"message":…}}` body of seeds 003 and 004:
 * `{"error":{"code":"token_expired","message":"Authentication token has expired","details":{…},"requestId":"…"}}`.
 * `code` is the entry's code as the catalog writes it (`AUTH-401`, or a seed-004 sub-code such as
 * `invalid_token`), `details` the public details when there are some (field violations included as
 * `details.errors`) and `requestId` the request's id when known.
 *
 * @example
 * ```ts
 * renderError(catalog.TOKEN_EXPIRED(), { profile: simpleProfile, context: { requestId: 'r1' } }).body;
 * // {"error":{"code":"token_expired","message":"Authentication token has expired","requestId":"r1"}}
 * ```
 */
export const simpleProfile: WireProfile = createSimpleProfile();
