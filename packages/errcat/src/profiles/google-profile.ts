import { safeStringify } from '../internal/safe-json.js';
import type { ErrorView } from '../render/error-view.js';
import type { WireProfile } from '../render/wire-profile.js';
import { detailsWithoutViolations, type FieldViolation, fieldViolations } from './field-violations.js';
import { decodeGoogle } from './google-decode.js';
import { extensionString } from './profile-extension.js';

/** The `@type` prefix of google.rpc detail payloads in their JSON form. */
const TYPE_PREFIX = 'type.googleapis.com/google.rpc.';

/** Statuses whose google.rpc.Code is not the one its class implies. */
const CANONICAL_BY_STATUS: ReadonlyMap<number, string> = new Map([
  [400, 'INVALID_ARGUMENT'],
  [401, 'UNAUTHENTICATED'],
  [403, 'PERMISSION_DENIED'],
  [404, 'NOT_FOUND'],
  [405, 'UNIMPLEMENTED'],
  [408, 'DEADLINE_EXCEEDED'],
  [409, 'ABORTED'],
  [412, 'FAILED_PRECONDITION'],
  [413, 'INVALID_ARGUMENT'],
  [415, 'INVALID_ARGUMENT'],
  [416, 'OUT_OF_RANGE'],
  [422, 'INVALID_ARGUMENT'],
  [429, 'RESOURCE_EXHAUSTED'],
  [499, 'CANCELLED'],
  [500, 'INTERNAL'],
  [501, 'UNIMPLEMENTED'],
  [502, 'UNAVAILABLE'],
  [503, 'UNAVAILABLE'],
  [504, 'DEADLINE_EXCEEDED'],
]);

/** An entry key that names a duplicate: a 409 for it is ALREADY_EXISTS, not ABORTED. */
const ALREADY_EXISTS_KEY = /(?:^|_)(?:ALREADY_EXISTS|EXISTS|DUPLICATE)(?:_|$)/;

/**
 * The google.rpc.Code name for an HTTP status, following the mapping in google/rpc/code.proto:
 * 400 INVALID_ARGUMENT, 401 UNAUTHENTICATED, 403 PERMISSION_DENIED, 404 NOT_FOUND, 409 ABORTED
 * (ALREADY_EXISTS when the key says so), 429 RESOURCE_EXHAUSTED, 500 INTERNAL, 501 UNIMPLEMENTED,
 * 503 UNAVAILABLE, 504 DEADLINE_EXCEEDED; other 4xx are FAILED_PRECONDITION, other 5xx INTERNAL.
 * An entry overrides it with `extensions.google.status`.
 *
 * @example
 * ```ts
 * canonicalStatus(404); // 'NOT_FOUND'
 * canonicalStatus(409, 'PROMISE_ALREADY_EXISTS'); // 'ALREADY_EXISTS'
 * ```
 */
export function canonicalStatus(status: number, key = ''): string {
  if (status === 409 && ALREADY_EXISTS_KEY.test(key)) return 'ALREADY_EXISTS';
  const known = CANONICAL_BY_STATUS.get(status);
  if (known !== undefined) return known;
  if (status >= 400 && status < 500) return 'FAILED_PRECONDITION';
  return status >= 500 ? 'INTERNAL' : 'UNKNOWN';
}

/** ErrorInfo metadata is map<string, string>: scalars become their text, objects their JSON. */
function toMetadata(details: Readonly<Record<string, unknown>>): Record<string, string> {
  const metadata: Record<string, string> = Object.create(null);
  for (const name of Object.keys(details)) {
    const value = details[name];
    if (typeof value === 'string') metadata[name] = value;
    else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
      metadata[name] = String(value);
    else if (typeof value === 'object') metadata[name] = safeStringify(value);
  }
  return metadata;
}

/** A JSON pointer (`/items/0/name`) as a google field path (`items[0].name`). */
function pointerToFieldPath(pointer: string): string {
  let path = '';
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (/^\d+$/.test(token)) path += `[${token}]`;
    else path += path === '' ? token : `.${token}`;
  }
  return path;
}

function fieldViolation(violation: FieldViolation): Record<string, string> {
  const field =
    violation.pointer !== undefined
      ? pointerToFieldPath(violation.pointer)
      : (violation.field ?? violation.parameter ?? violation.header ?? '');
  const out: Record<string, string> = { field, description: violation.message };
  if (violation.type !== undefined) out.reason = violation.type.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  return out;
}

function detailsOf(view: ErrorView): unknown[] {
  const violations = fieldViolations(view.details);
  const metadata = toMetadata(violations ? detailsWithoutViolations(view.details) : view.details);
  const errorInfo: Record<string, unknown> = {
    '@type': `${TYPE_PREFIX}ErrorInfo`,
    reason: extensionString(view, 'google', 'reason') ?? view.key,
    domain: extensionString(view, 'google', 'domain') ?? view.domain,
  };
  if (Object.keys(metadata).length > 0) errorInfo.metadata = metadata;
  const details: unknown[] = [errorInfo];
  if (view.retryAfter !== undefined && Number.isFinite(view.retryAfter) && view.retryAfter >= 0) {
    details.push({ '@type': `${TYPE_PREFIX}RetryInfo`, retryDelay: `${view.retryAfter}s` });
  }
  if (violations) {
    details.push({ '@type': `${TYPE_PREFIX}BadRequest`, fieldViolations: violations.map(fieldViolation) });
  }
  if (view.docs !== undefined) {
    details.push({ '@type': `${TYPE_PREFIX}Help`, links: [{ description: view.title, url: view.docs }] });
  }
  if (view.requestId !== undefined) {
    details.push({ '@type': `${TYPE_PREFIX}RequestInfo`, requestId: view.requestId });
  }
  if (view.language !== undefined) {
    details.push({ '@type': `${TYPE_PREFIX}LocalizedMessage`, locale: view.language, message: view.message });
  }
  return details;
}

/**
 * google.rpc.Status in its JSON form, as Google APIs send it (AIP-193):
 * `{"error":{"code":404,"message":…,"status":"NOT_FOUND","details":[…]}}`. `code` is the HTTP
 * status, `status` its google.rpc.Code name ({@link canonicalStatus}). `details` always starts with
 * one `ErrorInfo` (`reason` = the entry key, `domain` = the catalog domain, `metadata` = the public
 * details as strings), then `RetryInfo` (with a Retry-After delay), `BadRequest` (field violations
 * from `details.errors`), `Help` (the docs URL), `RequestInfo` (the request id) and
 * `LocalizedMessage` (when the message was translated). An entry may set `extensions.google`
 * `{ reason, domain, status }`.
 *
 * @example
 * ```ts
 * renderError(catalog.PROMISE_NOT_FOUND({ id: 'p1' }), { profile: googleProfile }).body;
 * // {"error":{"code":404,"message":"Promise 'p1' not found","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo",…}]}}
 * ```
 */
export const googleProfile: WireProfile = {
  name: 'google',
  contentType: 'application/json; charset=UTF-8',
  profileUri: 'https://google.aip.dev/193',
  body: (view) => ({
    error: {
      code: view.status,
      message: view.message,
      status: extensionString(view, 'google', 'status') ?? canonicalStatus(view.status, view.key),
      details: detailsOf(view),
    },
  }),
  decode: decodeGoogle,
};
