import {
  bool,
  codeValue,
  docsUrl,
  isObject,
  type JsonObject,
  list,
  num,
  own,
  requestIdIn,
  requestIdValue,
  statusValue,
  text,
} from '../json-fields.js';
import { issuesInMessage, violationsFrom } from '../violations.js';
import type { WireFacts } from './wire-facts.js';

const GOOGLE_TYPE = 'type.googleapis.com/google.rpc.';
const CANONICAL_STATUS = /^[A-Z][A-Z_]{1,40}$/;
const DURATION = /^(\d{1,12})(\.\d{1,9})?s$/;

/** google.protobuf.Duration in its JSON form (`"1.5s"`) or as `{seconds, nanos}`, in seconds. */
function durationSeconds(value: unknown): number | undefined {
  if (typeof value === 'string') {
    const match = DURATION.exec(value);
    return match ? Number(match[1]) + Number(match[2] ?? 0) : undefined;
  }
  const seconds = Number(own(value, 'seconds') ?? 0);
  const nanos = num(value, 'nanos') ?? 0;
  const total = seconds + nanos / 1e9;
  return isObject(value) && Number.isFinite(total) && total >= 0 ? total : undefined;
}

function detailType(item: unknown): string {
  const type = text(item, '@type', 300);
  return type === undefined ? '' : type.slice(type.lastIndexOf('.') + 1);
}

/** google.rpc.Status JSON: `{error:{code, message, status, details:[ErrorInfo, RetryInfo…]}}` (AIP-193). */
function googleShape(error: JsonObject, details: readonly unknown[]): WireFacts {
  let reason: string | number | undefined;
  let metadata: unknown;
  let retryAfter: number | undefined;
  let requestId: string | undefined;
  let docs: string | undefined;
  const violations = [];
  for (const item of details.slice(0, 32)) {
    switch (detailType(item)) {
      case 'ErrorInfo':
        reason ??= codeValue(own(item, 'reason'));
        metadata ??= own(item, 'metadata');
        break;
      case 'RetryInfo':
        retryAfter ??= durationSeconds(own(item, 'retryDelay'));
        break;
      case 'RequestInfo':
        requestId ??= requestIdValue(own(item, 'requestId'));
        break;
      case 'Help':
        docs ??= docsUrl(own(list(item, 'links')?.[0], 'url'));
        break;
      case 'BadRequest':
        violations.push(...(violationsFrom(own(item, 'fieldViolations')) ?? []));
        break;
      case 'PreconditionFailure':
      case 'QuotaFailure':
        violations.push(...(violationsFrom(own(item, 'violations')) ?? []));
        break;
    }
  }
  const status = text(error, 'status', 64);
  // The legacy format (before AIP-193) lists `errors: [{domain, reason, message}]`.
  reason ??= codeValue(own(list(error, 'errors')?.[0], 'reason'));
  return {
    format: 'google',
    code: reason ?? status,
    altCodes: status === undefined ? undefined : [status],
    message: text(error, 'message'),
    status: statusValue(own(error, 'code')),
    retryable: retryAfter === undefined ? undefined : true,
    throttling: status === 'RESOURCE_EXHAUSTED' ? true : undefined,
    retryAfter,
    requestId,
    docs: docs ?? docsUrl(own(metadata, 'url')),
    violations: violations.length === 0 ? undefined : violations.slice(0, 100),
    details: metadata,
    stringDetails: true,
  };
}

/** Resonate's legacy format (seed 000): a numeric code and `details[{@type, message, domain, metadata:{url}}]`. */
function resonateLegacyShape(error: JsonObject, code: number, details: readonly unknown[]): WireFacts {
  const first = details.find(isObject);
  // The Go server sends one FieldValidationError detail per failed field.
  const fields = details.filter((item) => own(item, '@type') === 'FieldValidationError');
  return {
    format: 'resonate-legacy',
    code,
    message: text(error, 'message'),
    docs: docsUrl(own(own(first, 'metadata'), 'url')),
    violations: violationsFrom(fields),
  };
}

/**
 * `{error:{code, message, …}}`: errcat's `simple` profile (seeds 003/004) and the many APIs that
 * nest a code and message under `error` (Azure's `{code, message, target, details}`, Stripe's
 * `{type, code, message, param, doc_url}`…).
 */
function simpleShape(body: JsonObject, error: JsonObject): WireFacts {
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
    details: Array.isArray(details) ? undefined : details,
  };
}

/**
 * Bodies whose `error` member is an object: google, resonate-legacy and simple.
 *
 * @example
 * ```ts
 * errorObjectShape({ error: { code: 'NOPE', message: 'no' } }); // { format: 'simple', code: 'NOPE', message: 'no' }
 * ```
 */
export function errorObjectShape(body: JsonObject): WireFacts | undefined {
  const error = own(body, 'error');
  if (!isObject(error)) return undefined;
  const code = own(error, 'code');
  const details = list(error, 'details');
  const status = text(error, 'status', 64);
  const googleDetails = details?.some((item) => text(item, '@type', 300)?.startsWith(GOOGLE_TYPE)) ?? false;
  const legacyReasons = own(list(error, 'errors')?.[0], 'reason') !== undefined;
  if (
    typeof code === 'number' &&
    (googleDetails || legacyReasons || (status !== undefined && CANONICAL_STATUS.test(status)))
  ) {
    return googleShape(error, details ?? []);
  }
  const typedDetails = details?.some((item) => own(item, '@type') !== undefined) ?? false;
  if (typeof code === 'number' && Number.isSafeInteger(code) && typedDetails) {
    return resonateLegacyShape(error, code, details ?? []);
  }
  return simpleShape(body, error);
}
