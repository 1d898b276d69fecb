import { parseJsonPointer } from '../http/json-pointer.js';
import type { ErrorView } from '../render/error-view.js';
import type { WireProfile } from '../render/wire-profile.js';
import { type FieldViolation, fieldViolations } from './field-violations.js';
import { extensionMember, extensionString } from './profile-extension.js';
import { decodeResonateLegacy } from './resonate-legacy-decode.js';

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

function detail(view: ErrorView, domain: string, url: string | undefined, type: string, message: string) {
  const item: Record<string, unknown> = {
    '@type': type,
    message,
    domain: extensionString(view, NAME, 'domain') ?? domain,
  };
  if (url !== undefined) item.metadata = { url };
  return item;
}

/** The path of the violation's field: its pointer's segments, else its dotted name, parameter or header. */
function pathOf(violation: FieldViolation): string[] {
  const fromPointer = violation.pointer === undefined ? undefined : parseJsonPointer(violation.pointer);
  if (fromPointer) return fromPointer;
  const name = violation.field ?? violation.parameter ?? violation.header;
  return name === undefined || name === '' ? [] : name.split('.');
}

/**
 * The field as go-playground/validator's `FieldError.Field()` names it: the Go struct field, which
 * is the JSON, form or header name in PascalCase (`timeout` → `Timeout`, `idempotency-key` →
 * `IdempotencyKey`), an item as `Tags[0]`.
 */
function goFieldName(path: readonly string[]): string {
  const pascal = (name: string) =>
    name
      .split(/[-_\s]+/)
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join('');
  const last = path.at(-1) ?? '';
  if (!/^\d+$/.test(last)) return pascal(last);
  return `${pascal(path.at(-2) ?? '')}[${last}]`;
}

/**
 * A FieldValidationError's message in the Go server's words: `The field Timeout is required`, or
 * `The field <Name>` followed by the violation's own message without its leading field name (`The
 * field Limit must be less than or equal to 1000`, `The field Limit is invalid: Too big: …`). A
 * message already in that form, or one about the request as a whole, is sent as it is.
 */
function goMessage(violation: FieldViolation): string {
  const path = pathOf(violation);
  const message = violation.message;
  if (path.length === 0 || message.startsWith('The field ')) return message;
  const name = goFieldName(path);
  if (violation.type === 'required') return `The field ${name} is required`;
  const field = path.join('.');
  let bare = message;
  if (message.startsWith(`${field}: `)) bare = message.slice(field.length + 2);
  else if (message.startsWith(`${field} `)) bare = message.slice(field.length + 1);
  return /^(must|is|has)\b/.test(bare)
    ? `The field ${name} ${bare}`
    : `The field ${name} is invalid: ${bare}`;
}

function details(view: ErrorView): Record<string, unknown>[] {
  const server = legacyStatus(view) >= 500;
  const url = view.docs;
  const type = extensionString(view, NAME, 'type');
  const violations = fieldViolations(view.details);
  if (violations) {
    // The Go server sends one FieldValidationError detail per failed field, in the `validation`
    // domain, its message naming the Go field (internal/api/errors.go, HandleValidationError).
    return violations.map((violation) =>
      detail(view, 'validation', url, type ?? 'FieldValidationError', goMessage(violation)),
    );
  }
  // A server error's detail message is the underlying cause in the Go server; errcat never sends a
  // cause, so it sends the entry's public explanation instead.
  // The Go server's request-error sentence says "not retryable": true of its own 4xxx codes, false
  // of a retryable one (a rate limit, a key still in progress), which gets its explanation instead.
  const message =
    extensionString(view, NAME, 'detailMessage') ??
    (server || view.retryable ? (view.description ?? view.title) : REQUEST_ERROR_MESSAGE);
  return [
    detail(
      view,
      server ? 'server' : 'request',
      url,
      type ?? (server ? 'ServerError' : 'RequestError'),
      message,
    ),
  ];
}

/**
 * The error JSON of Resonate's legacy (Go) server, seed 000:
 * `{"error":{"code":4040,"message":…,"details":[{"@type":"RequestError","message":…,"domain":"request","metadata":{"url":"<docs>#4040"}}]}}`
 * with the HTTP status taken from the code (4040 → 404, 5030 → 503) and
 * `application/json; charset=utf-8`, as gin sends it. Request errors (below 5000) carry one
 * `RequestError` detail in the `request` domain; server errors one `ServerError` detail in the
 * `server` domain whose message is the entry's description (the Go server put the underlying cause
 * there, which errcat never sends); validation errors one `FieldValidationError` per violation
 * in the `validation` domain, its message naming the field as the Go server does (`The field
 * Timeout is required`).
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
  decode: decodeResonateLegacy,
};
