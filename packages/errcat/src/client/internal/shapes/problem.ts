import {
  bool,
  codeIn,
  docsUrl,
  isObject,
  type JsonObject,
  list,
  num,
  own,
  requestIdIn,
  statusValue,
  text,
} from '../json-fields.js';
import { pointsAtHttpSpec } from '../server-code.js';
import { violationsFrom } from '../violations.js';
import type { WireFacts } from './wire-facts.js';

/**
 * The code a problem `type` URI implies: its fragment or last path segment (`…/out-of-credit`);
 * none for `about:blank` and for URIs that only point at the HTTP specification.
 */
function codeFromType(type: string | undefined): string | undefined {
  if (type === undefined || type === 'about:blank' || pointsAtHttpSpec(type)) return undefined;
  const cut = Math.max(type.lastIndexOf('#'), type.lastIndexOf('/'));
  const tail = type.slice(cut + 1);
  return tail === '' ? undefined : tail.slice(0, 200);
}

/**
 * RFC 9457 problem details from any server (`type`, `title`, `status`, `detail`, `instance`), with
 * the extension members errcat and others add: `code`, `retryable`, `requestId`, `details`,
 * `errors` (RFC 9457's own example) and `invalid-params` (RFC 7807's).
 *
 * @example
 * ```ts
 * problemShape({ type: 'https://example.com/probs/out-of-credit', title: 'Out of credit', status: 403 }, 'application/problem+json');
 * // { format: 'problem', code: 'out-of-credit', message: 'Out of credit', status: 403, docs: 'https://example.com/probs/out-of-credit' }
 * ```
 */
export function problemShape(body: JsonObject, contentType: string): WireFacts | undefined {
  const type = text(body, 'type');
  const title = text(body, 'title');
  const detail = text(body, 'detail');
  const status = statusValue(own(body, 'status'));
  const declared = contentType.includes('problem+json');
  if (
    !declared &&
    ((type === undefined && title === undefined) || (status === undefined && detail === undefined))
  ) {
    return undefined;
  }
  const details = own(body, 'details');
  const errors = list(body, 'errors');
  return {
    format: 'problem',
    code: codeIn(body) ?? codeFromType(type),
    message: detail ?? title,
    status,
    retryable: bool(body, 'retryable'),
    retryAfter: num(body, 'retryAfter') ?? num(body, 'retry_after'),
    requestId: requestIdIn(body),
    docs: docsUrl(type),
    violations:
      violationsFrom(errors) ??
      violationsFrom(own(body, 'invalid-params')) ??
      violationsFrom(own(details, 'errors')),
    details:
      errors === undefined || own(details, 'errors') !== undefined
        ? details
        : { ...(isObject(details) ? details : {}), errors },
  };
}
