import {
  arrayValue,
  booleanValue,
  codeValue,
  docsUrl,
  isObject,
  members,
  objectValue,
  requestIdIn,
  statusValue,
  textValue,
} from '../internal/json-fields.js';
import type { DecodedError } from '../render/decoded-error.js';
import { violationsFrom } from '../render/wire-violations.js';

/** A JSON:API `links` member: a URL string or a link object `{href}`. */
function link(value: unknown): string | undefined {
  return docsUrl(value) ?? docsUrl(members(value)?.href);
}

/**
 * Reads JSON:API error documents, `{errors:[{status, code, title, detail, source, links,
 * meta}]}`: the `jsonapi` profile's decoder. The first error gives the code and the message;
 * those that point at a field become violations. A body is JSON:API's when it has no top-level
 * `message` and its first error has a JSON:API member.
 *
 * @example
 * ```ts
 * decodeJsonApi({ errors: [{ status: '404', code: 'NOT_FOUND', title: 'Not found', detail: 'No order o-7' }] });
 * // { format: 'jsonapi', code: 'NOT_FOUND', message: 'No order o-7', status: 404, … }
 * ```
 */
export function decodeJsonApi(input: unknown): DecodedError | undefined {
  const body = members(input);
  const errors = arrayValue(body?.errors);
  const first = members(errors?.find(isObject));
  if (body === undefined || errors === undefined || first === undefined || typeof body.message === 'string')
    return undefined;
  if (
    first.title === undefined &&
    first.detail === undefined &&
    first.source === undefined &&
    first.status === undefined &&
    first.links === undefined &&
    first.meta === undefined &&
    first.id === undefined
  )
    return undefined;
  const meta = members(first.meta);
  const links = members(first.links);
  return {
    format: 'jsonapi',
    code: codeValue(first.code),
    // `detail` explains this occurrence (JSON:API §11.2), `title` only its kind. An error that
    // points at a field is one violation of several: a catalog entry renders its own message.
    message: first.source === undefined ? (textValue(first.detail) ?? textValue(first.title)) : undefined,
    summary: textValue(first.detail) ?? textValue(first.title),
    status: statusValue(first.status),
    retryable: booleanValue(meta?.retryable),
    requestId: requestIdIn(meta) ?? requestIdIn(body.meta),
    docs: link(links?.about) ?? link(links?.type),
    violations: violationsFrom(errors.filter((error) => members(error)?.source !== undefined)),
    details: objectValue(meta?.details) ?? {},
  };
}
