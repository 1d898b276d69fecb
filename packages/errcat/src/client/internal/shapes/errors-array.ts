import {
  bool,
  codeValue,
  docsUrl,
  isObject,
  type JsonObject,
  own,
  requestIdIn,
  statusValue,
  text,
} from '../json-fields.js';
import { violationsFrom } from '../violations.js';
import type { WireFacts } from './wire-facts.js';

const JSONAPI_MEMBERS = ['title', 'detail', 'source', 'status', 'links', 'meta', 'id'];

/** A JSON:API `links` member: a URL string or a link object `{href}`. */
function link(links: unknown, name: string): string | undefined {
  const value = own(links, name);
  return docsUrl(value) ?? docsUrl(own(value, 'href'));
}

/**
 * `{errors:[…]}`: JSON:API error objects (`status`, `code`, `title`, `detail`, `source`, `links`)
 * or GraphQL errors (`message`, `path`, `extensions.code`). The first error gives the code and the
 * message; those that name a place become violations.
 *
 * @example
 * ```ts
 * const errors = [{ message: 'Cannot query field "x"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }];
 * errorsArrayShape({ errors }, errors)?.format; // 'graphql'
 * ```
 */
export function errorsArrayShape(body: JsonObject, errors: readonly unknown[]): WireFacts | undefined {
  const first = errors.find(isObject);
  if (first === undefined) return undefined;
  const jsonapi = JSONAPI_MEMBERS.some((member) => own(first, member) !== undefined);
  if (jsonapi) {
    const meta = own(first, 'meta');
    return {
      format: 'jsonapi',
      code: codeValue(own(first, 'code')),
      // `detail` explains this occurrence (JSON:API §11.2), `title` only its kind. An error that
      // points at a field is one violation of several: a catalog entry renders its own message.
      message:
        own(first, 'source') === undefined ? (text(first, 'detail') ?? text(first, 'title')) : undefined,
      summary: text(first, 'detail') ?? text(first, 'title'),
      status: statusValue(own(first, 'status')),
      retryable: bool(meta, 'retryable'),
      requestId: requestIdIn(meta) ?? requestIdIn(own(body, 'meta')),
      docs: link(own(first, 'links'), 'about') ?? link(own(first, 'links'), 'type'),
      violations: violationsFrom(errors.filter((error) => own(error, 'source') !== undefined)),
      details: own(meta, 'details'),
    };
  }
  const extensions = own(first, 'extensions');
  const graphql =
    extensions !== undefined || own(first, 'path') !== undefined || own(first, 'locations') !== undefined;
  return {
    // Cloudflare's `{success: false, errors: [{code, message}]}` is not GraphQL, but reads alike.
    format: graphql ? 'graphql' : 'json',
    // GitHub's GraphQL API puts the code in `type` (`NOT_FOUND`).
    code:
      codeValue(own(extensions, 'code')) ?? codeValue(own(first, 'code')) ?? codeValue(own(first, 'type')),
    message: text(first, 'message'),
    status: statusValue(own(own(extensions, 'http'), 'status')),
    requestId: requestIdIn(extensions) ?? requestIdIn(own(body, 'extensions')),
    violations: violationsFrom(errors.filter((error) => own(error, 'path') !== undefined)),
    details: extensions,
  };
}
