import type { ErrorView } from '../render/error-view.js';
import type { WireProfile } from '../render/wire-profile.js';
import { detailsWithoutViolations, type FieldViolation, fieldViolations } from './field-violations.js';
import { decodeJsonApi } from './jsonapi-decode.js';

/** A dotted field name (`address.city`) as a JSON pointer (`/address/city`). */
function fieldToPointer(field: string): string {
  return `/${field
    .split('.')
    .map((token) => token.replaceAll('~', '~0').replaceAll('/', '~1'))
    .join('/')}`;
}

/** JSON:API's `source`: a pointer into the document, a query parameter or a header. */
function sourceOf(violation: FieldViolation): Record<string, string> | undefined {
  // A query or header violation also carries a pointer into its part; JSON:API names those by
  // `parameter` and `header`, and keeps `pointer` for the request document.
  if (violation.header !== undefined) return { header: violation.header };
  if (violation.parameter !== undefined) return { parameter: violation.parameter };
  if (violation.pointer !== undefined) return { pointer: violation.pointer };
  if (violation.field !== undefined) return { pointer: fieldToPointer(violation.field) };
  return undefined;
}

function errorObject(
  view: ErrorView,
  detail: string,
  source: Record<string, string> | undefined,
  details: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const error: Record<string, unknown> = {
    status: String(view.status),
    code: String(view.code),
    title: view.title,
    detail,
  };
  if (source !== undefined) error.source = source;
  if (view.docs !== undefined) error.links = { type: view.docs };
  const meta: Record<string, unknown> = { retryable: view.retryable };
  if (view.requestId !== undefined) meta.requestId = view.requestId;
  if (Object.keys(details).length > 0) meta.details = details;
  error.meta = meta;
  return error;
}

/**
 * JSON:API error documents (jsonapi.org, v1.1), `application/vnd.api+json`:
 * `{"errors":[{"status":"404","code":"PROMISE_NOT_FOUND","title":…,"detail":…,"links":{"type":"<docs>"},"meta":{"retryable":false,"requestId":…}}]}`.
 * `status` and `code` are strings as the spec requires. An error with field violations
 * (`details.errors`) becomes one error object per violation, each with its `source`: `pointer`
 * (from a JSON pointer or a dotted field name), `parameter` (a query parameter) or `header`; the
 * other public details go to `meta.details`.
 *
 * @example
 * ```ts
 * renderError(catalog.VALIDATION_FAILED({ errors: [{ pointer: '/data/attributes/email', message: 'must be an email' }] }), { profile: jsonApiProfile }).body;
 * // {"errors":[{"status":"422",…,"detail":"must be an email","source":{"pointer":"/data/attributes/email"},…}]}
 * ```
 */
export const jsonApiProfile: WireProfile = {
  name: 'jsonapi',
  contentType: 'application/vnd.api+json',
  profileUri: 'https://jsonapi.org/format/#errors',
  body: (view) => {
    const violations = fieldViolations(view.details);
    if (!violations) return { errors: [errorObject(view, view.message, undefined, view.details)] };
    const rest = detailsWithoutViolations(view.details);
    return {
      errors: violations.map((violation) => errorObject(view, violation.message, sourceOf(violation), rest)),
    };
  },
  decode: decodeJsonApi,
};
