import { safeStringify } from '../internal/safe-json.js';
import type { RenderContext } from '../render/error-view.js';
import type { RenderedError } from '../render/render-error.js';
import type { WireProfile } from '../render/wire-profile.js';

/**
 * Options of {@link renderSuccess}.
 *
 * @example
 * ```ts
 * renderSuccess({ id: 'p1' }, { profile: resonateProfile, context: { kind: 'promise.get', corrId: 'c1' } });
 * ```
 */
export interface RenderSuccessOptions {
  /** The wire profile; only profiles with a success envelope (`resonate`, `rstmdb`) wrap the data. */
  readonly profile: WireProfile;
  /** What the server knows about the request (`corrId`, `kind`, `requestId`). @default {} */
  readonly context?: RenderContext;
  /**
   * The success status: 200, 201 for a resource created, 204 for no content. Envelope profiles
   * repeat it in the body (`resonate`: `head.status`). @default 200
   */
  readonly status?: number;
}

/**
 * Renders a successful response in a profile's envelope, for formats where success and error share
 * one (`resonate`: `{"kind","head":{"corrId","status","version"},"data"}`, `head.status` the HTTP
 * status; `rstmdb`: `{"type":"response","id","status":"ok","result"}`). With a profile that has no
 * success envelope the data is sent as plain JSON. A 204 has no body, so it stays a 204 only
 * without an envelope: a profile whose every response is an envelope answers 200 with the
 * envelope and `{}` as data, as Resonate's server answers a delete. It never throws.
 *
 * @example
 * ```ts
 * const { status, headers, body } = renderSuccess({ promise }, { profile: resonateProfile, context: { kind: 'promise.get', corrId: 'c1' } });
 * renderSuccess(promise, { profile: resonateProfile, context, status: 201 }); // 201, head.status 201
 * renderSuccess(undefined, { profile: problemProfile, status: 204 }); // { status: 204, headers: {}, body: '' }
 * ```
 */
export function renderSuccess(data: unknown, options: RenderSuccessOptions): RenderedError {
  const { profile, context = {} } = options;
  const requested = options.status ?? 200;
  if (profile.success === undefined) {
    if (requested === 204) return { status: 204, headers: {}, body: '' };
    return { status: requested, headers: { 'content-type': 'application/json' }, body: safeStringify(data) };
  }
  // An envelope needs a body; a response without content carries `{}`, as Resonate's server sends.
  const status = requested === 204 ? 200 : requested;
  return {
    status,
    headers: { 'content-type': profile.contentType },
    body: safeStringify(profile.success(requested === 204 ? {} : data, context, status)),
  };
}
