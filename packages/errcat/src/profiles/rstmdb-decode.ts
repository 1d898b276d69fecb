import { bool, codeValue, isObject, objectIn, own, requestIdValue, text } from '../internal/json-fields.js';
import type { DecodedError } from '../render/decoded-error.js';
import { violationsFrom } from '../render/wire-violations.js';

/**
 * Reads rstmdb's response (seed 002), `{type:"response", id, status:"error", error:{code,
 * message, retryable, details}}`: the `rstmdb` profile's decoder. The response `id` is the
 * request's.
 *
 * @example
 * ```ts
 * decodeRstmdb({ type: 'response', id: '1', status: 'error', error: { code: 'X', message: 'm' } });
 * // { format: 'rstmdb', code: 'X', message: 'm', requestId: '1', details: {} }
 * ```
 */
export function decodeRstmdb(body: unknown): DecodedError | undefined {
  const error = own(body, 'error');
  if (own(body, 'type') !== 'response' || own(body, 'status') !== 'error' || !isObject(error))
    return undefined;
  const details = objectIn(error, 'details') ?? {};
  return {
    format: 'rstmdb',
    code: codeValue(own(error, 'code')),
    message: text(error, 'message'),
    retryable: bool(error, 'retryable'),
    requestId: requestIdValue(own(body, 'id')),
    violations: violationsFrom(own(details, 'errors')),
    details,
  };
}
