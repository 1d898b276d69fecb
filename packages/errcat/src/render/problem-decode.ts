import {
  arrayValue,
  booleanValue,
  codeIn,
  docsUrl,
  members,
  numberValue,
  objectValue,
  requestIdIn,
  statusValue,
  textValue,
} from '../internal/json-fields.js';
import type { DecodedError } from './decoded-error.js';
import { pointsAtHttpSpec } from './http-spec-uri.js';
import { violationsFrom } from './wire-violations.js';

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
 * Reads RFC 9457 problem details from any server (`type`, `title`, `status`, `detail`,
 * `instance`), with the extension members errcat and others add: `code`, `retryable`,
 * `requestId`, `details`, `errors` (RFC 9457's own example) and `invalid-params` (RFC 7807's):
 * the `problem` profile's decoder. A body is a problem when `contentType` says so, or when it has
 * a `type` or `title` and a `status` or `detail`.
 *
 * @example
 * ```ts
 * decodeProblem({ type: 'https://example.com/probs/out-of-credit', title: 'Out of credit', status: 403 }, 'application/problem+json');
 * // { format: 'problem', code: 'out-of-credit', message: 'Out of credit', status: 403, docs: 'https://example.com/probs/out-of-credit' }
 * ```
 */
export function decodeProblem(input: unknown, contentType = ''): DecodedError | undefined {
  const body = members(input);
  if (body === undefined) return undefined;
  const type = textValue(body.type);
  const title = textValue(body.title);
  const detail = textValue(body.detail);
  const status = statusValue(body.status);
  const declared = contentType.includes('problem+json');
  if (
    !declared &&
    ((type === undefined && title === undefined) || (status === undefined && detail === undefined))
  ) {
    return undefined;
  }
  const details = objectValue(body.details) ?? {};
  const errors = arrayValue(body.errors);
  const nestedErrors = members(details)?.errors;
  return {
    format: 'problem',
    code: codeIn(body) ?? codeFromType(type),
    message: detail ?? title,
    status,
    retryable: booleanValue(body.retryable),
    retryAfter: numberValue(body.retryAfter) ?? numberValue(body.retry_after),
    requestId: requestIdIn(body),
    docs: docsUrl(type),
    violations:
      violationsFrom(errors) ?? violationsFrom(body['invalid-params']) ?? violationsFrom(nestedErrors),
    // RFC 9457's example puts the violations in a top-level `errors`: errcat keeps them in details.
    details: errors === undefined || nestedErrors !== undefined ? details : { ...details, errors },
  };
}
