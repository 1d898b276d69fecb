import {
  booleanValue,
  codeValue,
  docsUrl,
  isObject,
  type JsonObject,
  members,
  numberValue,
  objectValue,
  requestIdIn,
  statusValue,
  textValue,
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
  const details = error.details;
  const param = textValue(error.param, 500) ?? textValue(error.target, 500);
  const issues = issuesInMessage(error.message);
  const message =
    issues?.[0]?.message ??
    textValue(error.message) ??
    textValue(error.description) ??
    textValue(error.title);
  return {
    format: 'simple',
    code: codeValue(error.code) ?? textValue(error.type, 200),
    message,
    status: statusValue(error.status) ?? statusValue(error.statusCode),
    retryable: booleanValue(error.retryable),
    retryAfter:
      numberValue(error.retryAfter) ?? numberValue(error.retry_after) ?? numberValue(body.retry_after),
    // Microsoft Graph: `innerError: {"request-id", date, "client-request-id"}`.
    requestId:
      requestIdIn(error) ??
      requestIdIn(body) ??
      requestIdIn(error.innerError) ??
      requestIdIn(error.innererror),
    docs:
      docsUrl(error.docs) ??
      docsUrl(error.doc_url) ??
      docsUrl(error.documentation_url) ??
      docsUrl(error.more_info) ??
      docsUrl(error.help_url),
    violations:
      issues ??
      violationsFrom(details) ??
      violationsFrom(error.errors) ??
      violationsFrom(members(details)?.errors) ??
      violationsFrom(error.fields) ??
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
  const top = members(body);
  const error = members(top?.error);
  return top !== undefined && error !== undefined ? nestedFacts(top, error) : undefined;
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
export function decodeSimpleFlat(input: unknown): DecodedError | undefined {
  const body = members(input);
  if (body === undefined) return undefined;
  const raw = body.error;
  const code = typeof raw === 'number' ? codeValue(raw) : textValue(raw, 200);
  const message = textValue(body.message);
  if (code === undefined || (typeof code === 'string' && !looksLikeCode(code))) return undefined;
  if (message === undefined || body.error_description !== undefined) return undefined;
  const key = codeValue(body.code);
  const details = objectValue(body.details) ?? {};
  return {
    format: 'simple-flat',
    code,
    altCodes: key === undefined ? undefined : [key],
    message,
    retryable: booleanValue(body.retryable),
    requestId: requestIdIn(body),
    violations: violationsFrom(body.errors) ?? violationsFrom(members(details)?.errors),
    details,
  };
}
