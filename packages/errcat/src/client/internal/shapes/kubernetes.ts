import {
  codeValue,
  type JsonObject,
  num,
  objectIn,
  own,
  statusValue,
  text,
} from '../../../internal/json-fields.js';
import type { DecodedError } from '../../../render/decoded-error.js';
import { violationsFrom } from '../../../render/wire-violations.js';

/**
 * A Kubernetes `Status` object: `{kind:"Status", status:"Failure", message, reason, code,
 * details:{name, kind, causes:[{reason, message, field}], retryAfterSeconds}}`.
 *
 * @example
 * ```ts
 * kubernetesShape({ kind: 'Status', status: 'Failure', message: 'pods "x" not found', reason: 'NotFound', code: 404 });
 * // { format: 'kubernetes', code: 'NotFound', message: 'pods "x" not found', status: 404 }
 * ```
 */
export function kubernetesShape(body: JsonObject): DecodedError | undefined {
  if (own(body, 'kind') !== 'Status' || typeof own(body, 'apiVersion') !== 'string') return undefined;
  const details = objectIn(body, 'details');
  const reason = codeValue(own(body, 'reason'));
  return {
    format: 'kubernetes',
    code: reason,
    message: text(body, 'message'),
    status: statusValue(own(body, 'code')),
    throttling: reason === 'TooManyRequests' ? true : undefined,
    retryAfter: num(details, 'retryAfterSeconds'),
    violations: violationsFrom(own(details, 'causes')),
    details,
  };
}
