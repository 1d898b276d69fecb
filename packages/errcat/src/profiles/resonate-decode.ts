import {
  isObject,
  members,
  objectValue,
  requestIdValue,
  statusValue,
  textValue,
} from '../internal/json-fields.js';
import type { DecodedError } from '../render/decoded-error.js';
import { violationFrom } from '../render/wire-violations.js';

/**
 * Reads Resonate's envelope (seed 001), `{kind, head:{corrId, status, version}, data}`, where
 * `data` is the message (or, for a validation failure, an object naming the field and the
 * reason): the `resonate` profile's decoder. The status doubles as the code (the envelope has no
 * other); `corrId` is the request id.
 *
 * @example
 * ```ts
 * decodeResonate({ kind: 'promises.get', head: { corrId: 'c1', status: 404, version: 'v' }, data: 'Promise not found' });
 * // { format: 'resonate', code: 404, message: 'Promise not found', status: 404, requestId: 'c1', … }
 * ```
 */
export function decodeResonate(input: unknown): DecodedError | undefined {
  const body = members(input);
  const head = members(body?.head);
  const status = statusValue(head?.status);
  if (typeof body?.kind !== 'string' || status === undefined || status < 400) return undefined;
  const data = body.data;
  const violation = isObject(data) ? violationFrom(data) : undefined;
  return {
    format: 'resonate',
    code: status,
    message:
      typeof data === 'string' ? textValue(data) : (textValue(members(data)?.message) ?? violation?.message),
    status,
    // errcat's resonate profile sends corrId "0" when the request carried none: not an id.
    requestId: head?.corrId === '0' ? undefined : requestIdValue(head?.corrId),
    violations: violation?.field === undefined ? undefined : [violation],
    details: objectValue(data),
  };
}
