import { arrayValue, docsUrl, isObject, members, textValue } from '../internal/json-fields.js';
import type { DecodedError } from '../render/decoded-error.js';
import { violationsFrom } from '../render/wire-violations.js';

/**
 * Reads Resonate's legacy format (seed 000), `{error:{code: 4040, message, details:[{@type,
 * message, domain, metadata:{url}}]}}`: the `resonate-legacy` profile's decoder. A body is the
 * legacy format when its integer `code` comes with typed details.
 *
 * @example
 * ```ts
 * decodeResonateLegacy({ error: { code: 4040, message: 'no', details: [{ '@type': 'RequestError', message: 'no', domain: 'request', metadata: {} }] } });
 * // { format: 'resonate-legacy', code: 4040, message: 'no', … }
 * ```
 */
export function decodeResonateLegacy(body: unknown): DecodedError | undefined {
  const error = members(members(body)?.error);
  const code = error?.code;
  if (error === undefined || typeof code !== 'number' || !Number.isSafeInteger(code)) return undefined;
  const details = arrayValue(error.details) ?? [];
  if (!details.some((item) => members(item)?.['@type'] !== undefined)) return undefined;
  const first = details.find(isObject);
  // The Go server sends one FieldValidationError detail per failed field.
  const fields = details.filter((item) => members(item)?.['@type'] === 'FieldValidationError');
  return {
    format: 'resonate-legacy',
    code,
    message: textValue(error.message),
    docs: docsUrl(members(members(first)?.metadata)?.url),
    violations: violationsFrom(fields),
  };
}
