import {
  arrayValue,
  codeValue,
  docsUrl,
  isObject,
  type JsonObject,
  members,
  numberValue,
  requestIdValue,
  statusValue,
  textValue,
} from '../internal/json-fields.js';
import type { DecodedError } from '../render/decoded-error.js';
import { violationsFrom } from '../render/wire-violations.js';

const GOOGLE_TYPE = 'type.googleapis.com/google.rpc.';
const CANONICAL_STATUS = /^[A-Z][A-Z_]{1,40}$/;
const DURATION = /^(\d{1,12})(\.\d{1,9})?s$/;

/** google.protobuf.Duration in its JSON form (`"1.5s"`) or as `{seconds, nanos}`, in seconds. */
function durationSeconds(value: unknown): number | undefined {
  if (typeof value === 'string') {
    const match = DURATION.exec(value);
    return match ? Number(match[1]) + Number(match[2] ?? 0) : undefined;
  }
  const duration = members(value);
  if (duration === undefined) return undefined;
  const total = Number(duration.seconds ?? 0) + (numberValue(duration.nanos) ?? 0) / 1e9;
  return Number.isFinite(total) && total >= 0 ? total : undefined;
}

function detailType(item: JsonObject | undefined): string {
  const type = textValue(item?.['@type'], 300);
  return type === undefined ? '' : type.slice(type.lastIndexOf('.') + 1);
}

/** google.rpc.Status JSON: `{error:{code, message, status, details:[ErrorInfo, RetryInfo…]}}` (AIP-193). */
function googleFacts(error: JsonObject, details: readonly unknown[]): DecodedError {
  let reason: string | number | undefined;
  let metadata: unknown;
  let retryAfter: number | undefined;
  let requestId: string | undefined;
  let docs: string | undefined;
  const violations = [];
  for (const entry of details.slice(0, 32)) {
    const item = members(entry);
    switch (detailType(item)) {
      case 'ErrorInfo':
        reason ??= codeValue(item?.reason);
        metadata ??= item?.metadata;
        break;
      case 'RetryInfo':
        retryAfter ??= durationSeconds(item?.retryDelay);
        break;
      case 'RequestInfo':
        requestId ??= requestIdValue(item?.requestId);
        break;
      case 'Help':
        docs ??= docsUrl(members(arrayValue(item?.links)?.[0])?.url);
        break;
      case 'BadRequest':
        violations.push(...(violationsFrom(item?.fieldViolations) ?? []));
        break;
      case 'PreconditionFailure':
      case 'QuotaFailure':
        violations.push(...(violationsFrom(item?.violations) ?? []));
        break;
    }
  }
  const status = textValue(error.status, 64);
  // The legacy format (before AIP-193) lists `errors: [{domain, reason, message}]`.
  reason ??= codeValue(members(arrayValue(error.errors)?.[0])?.reason);
  return {
    format: 'google',
    code: reason ?? status,
    altCodes: status === undefined ? undefined : [status],
    message: textValue(error.message),
    status: statusValue(error.code),
    retryable: retryAfter === undefined ? undefined : true,
    throttling: status === 'RESOURCE_EXHAUSTED' ? true : undefined,
    retryAfter,
    requestId,
    docs: docs ?? docsUrl(members(metadata)?.url),
    violations: violations.length === 0 ? undefined : violations.slice(0, 100),
    details: isObject(metadata) ? metadata : undefined,
    stringDetails: true,
  };
}

/**
 * Reads google.rpc.Status in its JSON form (AIP-193): `{error:{code, message, status,
 * details:[ErrorInfo, RetryInfo, BadRequest, Help, RequestInfo…]}}`, and the legacy form with
 * `errors:[{domain, reason, message}]`: the `google` profile's decoder. A body is google's when
 * its numeric `code` comes with google.rpc details, legacy reasons or a canonical `status`.
 *
 * @example
 * ```ts
 * decodeGoogle({ error: { code: 404, message: 'no', status: 'NOT_FOUND' } });
 * // { format: 'google', code: 'NOT_FOUND', message: 'no', status: 404, … }
 * ```
 */
export function decodeGoogle(body: unknown): DecodedError | undefined {
  const error = members(members(body)?.error);
  if (error === undefined || typeof error.code !== 'number') return undefined;
  const details = arrayValue(error.details);
  const status = textValue(error.status, 64);
  const googleDetails =
    details?.some((item) => textValue(members(item)?.['@type'], 300)?.startsWith(GOOGLE_TYPE)) ?? false;
  const legacyReasons = members(arrayValue(error.errors)?.[0])?.reason !== undefined;
  if (!googleDetails && !legacyReasons && (status === undefined || !CANONICAL_STATUS.test(status)))
    return undefined;
  return googleFacts(error, details ?? []);
}
