import {
  codeValue,
  isObject,
  type JsonObject,
  members,
  objectValue,
  requestIdIn,
  statusValue,
  textValue,
} from '../../../internal/json-fields.js';
import type { DecodedError } from '../../../render/decoded-error.js';
import { violationsFrom } from '../../../render/wire-violations.js';

/**
 * `{errors:[…]}` that is not JSON:API (read before, by the `jsonapi` profile's decoder): GraphQL
 * errors (`message`, `path`, `extensions.code`) and lists such as Cloudflare's. The first error
 * gives the code and the message; those that name a place become violations.
 *
 * @example
 * ```ts
 * const errors = [{ message: 'Cannot query field "x"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }];
 * errorsArrayShape({ errors }, errors)?.format; // 'graphql'
 * ```
 */
export function errorsArrayShape(body: JsonObject, errors: readonly unknown[]): DecodedError | undefined {
  const first = members(errors.find(isObject));
  if (first === undefined) return undefined;
  const extensions = members(first.extensions);
  const graphql = first.extensions !== undefined || first.path !== undefined || first.locations !== undefined;
  return {
    // Cloudflare's `{success: false, errors: [{code, message}]}` is not GraphQL, but reads alike.
    format: graphql ? 'graphql' : 'json',
    // GitHub's GraphQL API puts the code in `type` (`NOT_FOUND`).
    code: codeValue(extensions?.code) ?? codeValue(first.code) ?? codeValue(first.type),
    message: textValue(first.message),
    status: statusValue(members(extensions?.http)?.status),
    requestId: requestIdIn(extensions) ?? requestIdIn(body.extensions),
    violations: violationsFrom(errors.filter((error) => members(error)?.path !== undefined)),
    details: objectValue(first.extensions),
  };
}
