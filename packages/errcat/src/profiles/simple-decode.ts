import {
  bool,
  codeValue,
  docsUrl,
  isObject,
  type JsonObject,
  num,
  objectIn,
  own,
  requestIdIn,
  statusValue,
  text,
} from '../internal/json-fields.js';
import { looksLikeCode } from '../internal/server-code.js';
import type { DecodedError } from '../render/decoded-error.js';
import { issuesInMessage, violationsFrom } from '../render/wire-violations.js';

/**
 * `{error:{code, message, …}}`: errcat's `simple` profile (seeds 003/004) and the many APIs that
 * nest a code and message under `error` (Azure's `{code, message, target, details}`, Stripe's
 * `{type, code, message, param, doc_url}`…).
 */
function nestedFacts(body: JsonObject, error: JsonObject): DecodedError {
  const details = own(error, 'details');
  const param = text(error, 'param', 500) ?? text(error, 'target', 500);
  const issues = issuesInMessage(own(error, 'message'));
  const message =
    issues?.[0]?.message ?? text(error, 'message') ?? text(error, 'description') ?? text(error, 'title');
  return {
    format: 'simple',
    code: codeValue(own(error, 'code')) ?? text(error, 'type', 200),
    message,
    status: statusValue(own(error, 'status')) ?? statusValue(own(error, 'statusCode')),
    retryable: bool(error, 'retryable'),
    retryAfter: num(error, 'retryAfter') ?? num(error, 'retry_after') ?? num(body, 'retry_after'),
    // Microsoft Graph: `innerError: {"request-id", date, "client-request-id"}`.
    requestId:
      requestIdIn(error) ??
      requestIdIn(body) ??
      requestIdIn(own(error, 'innerError')) ??
      requestIdIn(own(error, 'innererror')),
    docs:
      docsUrl(own(error, 'docs')) ??
      docsUrl(own(error, 'doc_url')) ??
      docsUrl(own(error, 'documentation_url')) ??
      docsUrl(own(error, 'more_info')) ??
      docsUrl(own(error, 'help_url')),
    violations:
      issues ??
      violationsFrom(details) ??
      violationsFrom(own(error, 'errors')) ??
      violationsFrom(own(details, 'errors')) ??
      violationsFrom(own(error, 'fields')) ??
      (param === undefined || message === undefined ? undefined : [{ field: param, message }]),
    details: isObject(details) ? details : {},
  };
}

/**
 * Reads `{error:{code, message, details, requestId}}`: the `simple` profile's decoder (seeds 003
 * and 004), which also reads the APIs that nest their error the same way (Azure, Microsoft Graph,
 * Stripe, OpenAI…). Any body whose `error` member is an object is read.
 *
 * @example
 * ```ts
 * decodeSimple({ error: { code: 'NOPE', message: 'no' } }); // { format: 'simple', code: 'NOPE', message: 'no', details: {}, … }
 * ```
 */
export function decodeSimple(body: unknown): DecodedError | undefined {
  const error = own(body, 'error');
  return isObject(body) && isObject(error) ? nestedFacts(body, error) : undefined;
}

/**
 * Reads the `simple-flat` layout (seed 004), `{error: <code>, message, code: <key>, details}`:
 * the code in `error`, the entry key in `code`. A body is flat when `error` is a number or one
 * word that is not a reason phrase, with a `message` beside it and no OAuth `error_description`.
 *
 * @example
 * ```ts
 * decodeSimpleFlat({ error: 'AUTH-401', message: 'Token expired', code: 'TOKEN_EXPIRED' });
 * // { format: 'simple-flat', code: 'AUTH-401', altCodes: ['TOKEN_EXPIRED'], message: 'Token expired', … }
 * ```
 */
export function decodeSimpleFlat(body: unknown): DecodedError | undefined {
  const raw = own(body, 'error');
  const code = typeof raw === 'number' ? codeValue(raw) : text(body, 'error', 200);
  const message = text(body, 'message');
  if (code === undefined || (typeof code === 'string' && !looksLikeCode(code))) return undefined;
  if (message === undefined || own(body, 'error_description') !== undefined) return undefined;
  const key = codeValue(own(body, 'code'));
  const details = objectIn(body, 'details') ?? {};
  return {
    format: 'simple-flat',
    code,
    altCodes: key === undefined ? undefined : [key],
    message,
    retryable: bool(body, 'retryable'),
    requestId: requestIdIn(body),
    violations: violationsFrom(own(body, 'errors')) ?? violationsFrom(own(details, 'errors')),
    details,
  };
}
