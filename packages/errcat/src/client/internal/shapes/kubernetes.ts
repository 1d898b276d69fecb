import {
  codeValue,
  type JsonObject,
  members,
  numberValue,
  objectValue,
  statusValue,
  textValue,
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
  if (body.kind !== 'Status' || typeof body.apiVersion !== 'string') return undefined;
  const details = objectValue(body.details);
  const reason = codeValue(body.reason);
  const detailMembers = members(details);
  return {
    format: 'kubernetes',
    code: reason,
    message: textValue(body.message),
    status: statusValue(body.code),
    throttling: reason === 'TooManyRequests' ? true : undefined,
    retryAfter: numberValue(detailMembers?.retryAfterSeconds),
    violations: violationsFrom(detailMembers?.causes),
    details,
  };
}
