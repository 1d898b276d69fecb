import type { ErrorCode } from '../catalog-spec.js';
import { fieldViolations } from '../internal/field-violations.js';
import { extensionMember, extensionString, isJsonObject } from '../internal/profile-extension.js';
import type { DecodedError } from '../render/decoded-error.js';
import type { ErrorView } from '../render/error-view.js';
import type { WireProfile } from '../render/wire-profile.js';

const NAME = 'resonate-legacy';

/** What the Go server puts in a request error's detail: the same sentence for every 4xxx code. */
const REQUEST_ERROR_MESSAGE =
  'Request errors are not retryable since they are caused by invalid client requests';

/**
 * The four-digit code the format needs. A numeric code (or numeric string) is used as is; an entry
 * with another code (errcat's base entries, such as `INTERNAL_ERROR`) sends
 * `extensions['resonate-legacy'].code`, else its status times ten (500 → 5000, the seed's
 * "unknown internal server error").
 */
function legacyCode(view: ErrorView): number {
  const override = extensionMember(view, NAME, 'code');
  if (typeof override === 'number' && Number.isInteger(override)) return override;
  if (typeof view.code === 'number' && Number.isInteger(view.code)) return view.code;
  if (typeof view.code === 'string' && /^\d{1,9}$/.test(view.code)) return Number(view.code);
  return view.status * 10;
}

/** The seed's codes carry the HTTP status in their first three digits: 4040 → 404, 5030 → 503. */
function legacyStatus(view: ErrorView): number {
  const code = legacyCode(view);
  const status = Math.floor(code / 10);
  return code >= 4000 && code <= 5999 ? status : view.status;
}

function detail(view: ErrorView, server: boolean, url: string | undefined, type: string, message: string) {
  const item: Record<string, unknown> = {
    '@type': type,
    message,
    domain: extensionString(view, NAME, 'domain') ?? (server ? 'server' : 'request'),
  };
  if (url !== undefined) item.metadata = { url };
  return item;
}

function details(view: ErrorView): Record<string, unknown>[] {
  const server = legacyStatus(view) >= 500;
  const url = view.docs;
  const type = extensionString(view, NAME, 'type');
  const violations = fieldViolations(view.details);
  if (violations) {
    // The Go server sends one FieldValidationError detail per failed field.
    return violations.map((violation) =>
      detail(view, server, url, type ?? 'FieldValidationError', violation.message),
    );
  }
  // A server error's detail message is the underlying cause in the Go server; errcat never sends a
  // cause, so it sends the entry's public explanation instead.
  // The Go server's request-error sentence says "not retryable": true of its own 4xxx codes, false
  // of a retryable one (a rate limit, a key still in progress), which gets its explanation instead.
  const message =
    extensionString(view, NAME, 'detailMessage') ??
    (server || view.retryable ? (view.description ?? view.title) : REQUEST_ERROR_MESSAGE);
  return [detail(view, server, url, type ?? (server ? 'ServerError' : 'RequestError'), message)];
}

function decode(body: unknown): DecodedError | undefined {
  if (!isJsonObject(body) || !isJsonObject(body.error)) return undefined;
  const { code, message } = body.error;
  if (typeof code !== 'number' && typeof code !== 'string') return undefined;
  return typeof message === 'string' ? { code: code as ErrorCode, message } : { code: code as ErrorCode };
}

/**
 * The error JSON of Resonate's legacy (Go) server, seed 000:
 * `{"error":{"code":4040,"message":…,"details":[{"@type":"RequestError","message":…,"domain":"request","metadata":{"url":"<docs>#4040"}}]}}`
 * with the HTTP status taken from the code (4040 → 404, 5030 → 503) and
 * `application/json; charset=utf-8`, as gin sends it. Request errors (below 5000) carry one
 * `RequestError` detail in the `request` domain; server errors one `ServerError` detail in the
 * `server` domain whose message is the entry's description (the Go server put the underlying cause
 * there, which errcat never sends); validation errors one `FieldValidationError` per violation.
 * An entry may set `extensions['resonate-legacy']` `{ code, type, domain, detailMessage }`.
 *
 * @example
 * ```ts
 * const { status, body } = renderError(catalog.PROMISE_NOT_FOUND(), { profile: resonateLegacyProfile });
 * status; // 404
 * ```
 */
export const resonateLegacyProfile: WireProfile = {
  name: NAME,
  contentType: 'application/json; charset=utf-8',
  status: legacyStatus,
  body: (view) => ({
    error: { code: legacyCode(view), message: view.message, details: details(view) },
  }),
  decode,
};
