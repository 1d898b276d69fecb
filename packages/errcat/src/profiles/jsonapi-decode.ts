import {
  bool,
  codeValue,
  docsUrl,
  isObject,
  list,
  objectIn,
  own,
  requestIdIn,
  statusValue,
  text,
} from '../internal/json-fields.js';
import type { DecodedError } from '../render/decoded-error.js';
import { violationsFrom } from '../render/wire-violations.js';

const JSONAPI_MEMBERS = ['title', 'detail', 'source', 'status', 'links', 'meta', 'id'];

/** A JSON:API `links` member: a URL string or a link object `{href}`. */
function link(links: unknown, name: string): string | undefined {
  const value = own(links, name);
  return docsUrl(value) ?? docsUrl(own(value, 'href'));
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
export function decodeJsonApi(body: unknown): DecodedError | undefined {
  const errors = list(body, 'errors');
  const first = errors?.find(isObject);
  if (errors === undefined || first === undefined || typeof own(body, 'message') === 'string')
    return undefined;
  if (!JSONAPI_MEMBERS.some((member) => own(first, member) !== undefined)) return undefined;
  const meta = own(first, 'meta');
  return {
    format: 'jsonapi',
    code: codeValue(own(first, 'code')),
    // `detail` explains this occurrence (JSON:API §11.2), `title` only its kind. An error that
    // points at a field is one violation of several: a catalog entry renders its own message.
    message: own(first, 'source') === undefined ? (text(first, 'detail') ?? text(first, 'title')) : undefined,
    summary: text(first, 'detail') ?? text(first, 'title'),
    status: statusValue(own(first, 'status')),
    retryable: bool(meta, 'retryable'),
    requestId: requestIdIn(meta) ?? requestIdIn(own(body, 'meta')),
    docs: link(own(first, 'links'), 'about') ?? link(own(first, 'links'), 'type'),
    violations: violationsFrom(errors.filter((error) => own(error, 'source') !== undefined)),
    details: objectIn(meta, 'details') ?? {},
  };
}
