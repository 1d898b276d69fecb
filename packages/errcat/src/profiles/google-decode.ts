import {
  codeValue,
  docsUrl,
  isObject,
  type JsonObject,
  list,
  num,
  own,
  requestIdValue,
  statusValue,
  text,
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
function googleFacts(error: JsonObject, details: readonly unknown[]): DecodedError {
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
  const error = own(body, 'error');
  if (!isObject(error) || typeof own(error, 'code') !== 'number') return undefined;
  const details = list(error, 'details');
  const status = text(error, 'status', 64);
  const googleDetails = details?.some((item) => text(item, '@type', 300)?.startsWith(GOOGLE_TYPE)) ?? false;
  const legacyReasons = own(list(error, 'errors')?.[0], 'reason') !== undefined;
  if (!googleDetails && !legacyReasons && (status === undefined || !CANONICAL_STATUS.test(status)))
    return undefined;
  return googleFacts(error, details ?? []);
}
