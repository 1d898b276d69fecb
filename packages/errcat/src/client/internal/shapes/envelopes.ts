import {
  bool,
  codeValue,
  isObject,
  type JsonObject,
  own,
  requestIdValue,
  statusValue,
  text,
} from '../json-fields.js';
import { violationFrom, violationsFrom } from '../violations.js';
import type { WireFacts } from './wire-facts.js';

/**
 * Resonate's envelope (seed 001): `{kind, head:{corrId, status, version}, data}`, where `data` is
 * the message (or, for a validation failure, an object naming the field and the reason). The
 * status doubles as the code; `corrId` is the request id.
 */
function resonateShape(body: JsonObject): WireFacts | undefined {
  const head = own(body, 'head');
  const status = statusValue(own(head, 'status'));
  if (typeof own(body, 'kind') !== 'string' || status === undefined) return undefined;
  const data = own(body, 'data');
  const violation = isObject(data) ? violationFrom(data) : undefined;
  return {
    format: 'resonate',
    code: status,
    message: typeof data === 'string' ? text(body, 'data') : (text(data, 'message') ?? violation?.message),
    status,
    // errcat's resonate profile sends corrId "0" when the request carried none: not an id.
    requestId: own(head, 'corrId') === '0' ? undefined : requestIdValue(own(head, 'corrId')),
    violations: violation?.field === undefined ? undefined : [violation],
    details: isObject(data) ? data : undefined,
  };
}

/**
 * rstmdb's response (seed 002): `{type:"response", id, status:"error", error:{code, message,
 * retryable, details}}`. The response `id` is the request's.
 */
function rstmdbShape(body: JsonObject): WireFacts | undefined {
  const error = own(body, 'error');
  if (own(body, 'type') !== 'response' || own(body, 'status') !== 'error' || !isObject(error))
    return undefined;
  const details = own(error, 'details');
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

/**
 * The seed systems' envelopes: Resonate's `{kind, head, data}` and rstmdb's `{type:"response"…}`.
 *
 * @example
 * ```ts
 * envelopeShape({ type: 'response', id: '1', status: 'error', error: { code: 'X', message: 'm' } });
 * // { format: 'rstmdb', code: 'X', message: 'm', requestId: '1' }
 * ```
 */
export function envelopeShape(body: JsonObject): WireFacts | undefined {
  return resonateShape(body) ?? rstmdbShape(body);
}
