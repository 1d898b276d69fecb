import {
  booleanValue,
  codeValue,
  members,
  objectValue,
  requestIdValue,
  textValue,
} from '../internal/json-fields.js';
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
export function decodeRstmdb(input: unknown): DecodedError | undefined {
  const body = members(input);
  const error = members(body?.error);
  if (body?.type !== 'response' || body.status !== 'error' || error === undefined) return undefined;
  const details = objectValue(error.details) ?? {};
  return {
    format: 'rstmdb',
    code: codeValue(error.code),
    message: textValue(error.message),
    retryable: booleanValue(error.retryable),
    requestId: requestIdValue(body.id),
    violations: violationsFrom(members(details)?.errors),
    details,
  };
}
