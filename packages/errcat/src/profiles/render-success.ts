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
}

/**
 * Renders a successful response (status 200) in a profile's envelope, for formats where success and error
 * share one (`resonate`: `{"kind","head":{"corrId","status":200,"version"},"data"}`; `rstmdb`:
 * `{"type":"response","id","status":"ok","result"}`). With a profile that has no success envelope
 * the data is sent as plain JSON. It never throws.
 *
 * @example
 * ```ts
 * const { status, headers, body } = renderSuccess({ promise }, { profile: resonateProfile, context: { kind: 'promise.get', corrId: 'c1' } });
 * ```
 */
export function renderSuccess(data: unknown, options: RenderSuccessOptions): RenderedError {
  const { profile, context = {} } = options;
  const status = 200;
  if (profile.success === undefined) {
    return { status, headers: { 'content-type': 'application/json' }, body: safeStringify(data) };
  }
  return {
    status,
    headers: { 'content-type': profile.contentType },
    body: safeStringify(profile.success(data, context)),
  };
}
