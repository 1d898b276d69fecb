import type { ErrorView, RenderContext } from '../render/error-view.js';
import type { WireProfile } from '../render/wire-profile.js';
import { fieldViolations } from './field-violations.js';
import { isJsonObject } from './profile-extension.js';
import { decodeResonate } from './resonate-decode.js';

/**
 * The protocol version Resonate Server v0.9.5 writes into every response head.
 *
 * @example
 * ```ts
 * createResonateProfile({ version: RESONATE_PROTOCOL_VERSION }); // the same as createResonateProfile()
 * ```
 */
export const RESONATE_PROTOCOL_VERSION = '2026-04-01';

/** What the server answers with when the request's `kind` or `corrId` cannot be read. */
const UNKNOWN_KIND = 'unknown';
const UNKNOWN_CORR_ID = '0';

/**
 * Options of {@link createResonateProfile}.
 *
 * @example
 * ```ts
 * const profile = createResonateProfile({ version: '2026-04-01' });
 * ```
 */
export interface ResonateProfileOptions {
  /** The protocol version written into `head.version`. @default '2026-04-01' */
  readonly version?: string;
}

function envelope(
  kind: string | undefined,
  corrId: string | undefined,
  status: number,
  version: string,
  data: unknown,
) {
  return {
    kind: kind ?? UNKNOWN_KIND,
    head: { corrId: corrId ?? UNKNOWN_CORR_ID, status, version },
    data,
  };
}

/** On error `data` is one string: the message, or the violations joined as the server joins them. */
function errorData(view: ErrorView): string {
  const violations = fieldViolations(view.details);
  return violations ? violations.map((violation) => violation.message).join('; ') : view.message;
}

/**
 * Makes the envelope profile of Resonate Server v0.9.5 (seed 001) with a chosen protocol version;
 * {@link resonateProfile} is the one with the default.
 *
 * @example
 * ```ts
 * const profile = createResonateProfile({ version: '2026-04-01' });
 * ```
 */
export function createResonateProfile(options: ResonateProfileOptions = {}): WireProfile {
  const version = options.version ?? RESONATE_PROTOCOL_VERSION;
  return {
    name: 'resonate',
    contentType: 'application/json',
    body: (view) => envelope(view.kind, view.corrId, view.status, version, errorData(view)),
    success: (data: unknown, context: RenderContext, status = 200) =>
      envelope(context.kind, context.corrId, status, version, data),
    decode: decodeResonate,
  };
}

/**
 * The envelope of Resonate Server v0.9.5, seed 001: every response, success or error, is
 * `{"kind":…,"head":{"corrId":…,"status":…,"version":"2026-04-01"},"data":…}`. `kind` and `corrId`
 * are echoed from the request (give them in the render context; `"unknown"` and `"0"` when the
 * request could not be read, as the server does), `head.status` is the HTTP status, on success as
 * on error, and on error `data` is the human-readable message (field violations joined with
 * `"; "`). Success bodies come from `renderSuccess(data, { profile: resonateProfile, context, status })`;
 * see {@link resonateRequestContext}.
 *
 * @example
 * ```ts
 * renderError(catalog.PROMISE_NOT_FOUND(), { profile: resonateProfile, context: { kind: 'promise.get', corrId: 'c1' } }).body;
 * // {"kind":"promise.get","head":{"corrId":"c1","status":404,"version":"2026-04-01"},"data":"Promise not found"}
 * ```
 */
export const resonateProfile: WireProfile = createResonateProfile();

/**
 * Reads `kind` and `head.corrId` from a request body (parsed or raw) for the render context, so an
 * error, even one for a body that is not a valid envelope, can be correlated. What cannot be read is
 * left out (the profile then sends `"unknown"` and `"0"`). Strings longer than 256 characters are
 * ignored.
 *
 * @example
 * ```ts
 * resonateRequestContext('{"kind":"promise.get","head":{"corrId":"c9"}}'); // { kind: 'promise.get', corrId: 'c9' }
 * resonateRequestContext('not json'); // {}
 * ```
 */
export function resonateRequestContext(body: unknown): Pick<RenderContext, 'kind' | 'corrId'> {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return {};
    }
  }
  const context: { kind?: string; corrId?: string } = {};
  const readable = (item: unknown): item is string => typeof item === 'string' && item.length <= 256;
  try {
    if (!isJsonObject(value)) return context;
    if (readable(value.kind)) context.kind = value.kind;
    if (isJsonObject(value.head) && readable(value.head.corrId)) context.corrId = value.head.corrId;
  } catch {
    // A body object with throwing getters: keep what was read.
  }
  return context;
}
