import {
  bool,
  clip,
  codeIn,
  codeValue,
  docsUrl,
  type JsonObject,
  list,
  num,
  objectIn,
  own,
  requestIdIn,
  statusValue,
  text,
} from '../../../internal/json-fields.js';
import { looksLikeCode } from '../../../internal/server-code.js';
import type { DecodedError } from '../../../render/decoded-error.js';
import { violationsFrom } from '../../../render/wire-violations.js';

/** A message that may be a string or (NestJS validation) an array of strings. */
function messageOf(body: JsonObject): { message: string | undefined; list: unknown[] | undefined } {
  const value = own(body, 'message');
  if (!Array.isArray(value)) return { message: text(body, 'message'), list: undefined };
  const parts = value.slice(0, 20).filter((part): part is string => typeof part === 'string');
  return { message: clip(parts.join('; ')), list: value };
}

/**
 * An AWS error type (`com.amazon.coral.validate#ValidationException:http://…`) reduced to its name.
 *
 * @example
 * ```ts
 * awsErrorType('com.amazon.coral.validate#ValidationException:http://internal'); // 'ValidationException'
 * ```
 */
export function awsErrorType(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const name = value.slice(value.lastIndexOf('#') + 1).split(':')[0];
  return name === '' ? undefined : name;
}

/**
 * Bodies with the message at the top level (errcat's `simple-flat` is read before): GitHub's
 * `{message, documentation_url, errors}`, OAuth's `{error, error_description, error_uri}`, the `{statusCode, error, message}` of hapi's
 * boom, Fastify and NestJS, AWS JSON's `{__type, message}`, and any other JSON (`json`), where the
 * usual members (`code`, `error_code`, `message`, `msg`, `detail`, `errors`…) are read.
 *
 * @example
 * ```ts
 * flatMessageShape({ error: 'invalid_grant', error_description: 'Bad code' }); // { format: 'oauth', code: 'invalid_grant', message: 'Bad code' }
 * ```
 */
export function flatMessageShape(body: JsonObject): DecodedError {
  const { message, list: messages } = messageOf(body);
  const requestId = requestIdIn(body);
  const documentation = docsUrl(own(body, 'documentation_url'));
  if (documentation !== undefined) {
    return {
      format: 'github',
      // A 422's `errors[].code` (`missing_field`) is the most specific code GitHub sends.
      code: codeValue(own(body, 'code')) ?? codeValue(own(list(body, 'errors')?.[0], 'code')),
      message,
      status: statusValue(own(body, 'status')),
      requestId,
      docs: documentation,
      violations: violationsFrom(own(body, 'errors')),
    };
  }
  const error = text(body, 'error', 200);
  if (own(body, 'ok') === false && looksLikeCode(error)) {
    // Slack's Web API: `{"ok": false, "error": "invalid_auth"}`, often with status 200.
    return { format: 'slack', code: error, message: text(body, 'message') ?? error, requestId };
  }
  const statusCode = statusValue(own(body, 'statusCode'));
  if (statusCode !== undefined && (error !== undefined || message !== undefined)) {
    return {
      format: 'boom',
      code: codeValue(own(body, 'code')),
      message: message ?? error,
      status: statusCode,
      requestId,
      violations: violationsFrom(messages) ?? violationsFrom(own(body, 'validation')),
    };
  }
  if (looksLikeCode(error)) {
    return {
      format: 'oauth',
      code: error,
      message: text(body, 'error_description') ?? message ?? error,
      requestId,
      docs: docsUrl(own(body, 'error_uri')),
    };
  }
  const awsType = awsErrorType(text(body, '__type', 300));
  if (awsType !== undefined) {
    return { format: 'aws', code: awsType, message: message ?? text(body, 'Message'), requestId };
  }
  const detail = own(body, 'detail');
  return {
    format: 'json',
    // Cloudflare's `{success: false, errors: [{code, message}]}` states its code in the array.
    code: codeIn(body) ?? codeValue(own(list(body, 'errors')?.[0], 'code')),
    message:
      message ??
      text(body, 'Message') ??
      text(body, 'msg') ??
      text(body, 'errorMessage') ??
      text(body, 'error_message') ??
      text(body, 'detail') ??
      text(body, 'description') ??
      // Spring Boot's reason phrase, Shopify's `{"errors": "[API] Invalid API key…"}`.
      error ??
      text(body, 'errors'),
    status: statusValue(own(body, 'status')) ?? statusValue(own(body, 'statusCode')),
    retryable: bool(body, 'retryable'),
    retryAfter: num(body, 'retry_after') ?? num(body, 'retryAfter'),
    requestId,
    docs: docsUrl(own(body, 'docs')) ?? docsUrl(own(body, 'doc_url')) ?? docsUrl(own(body, 'more_info')),
    violations: violationsFrom(messages) ?? violationsFrom(own(body, 'errors')) ?? violationsFrom(detail),
    details: objectIn(body, 'details'),
  };
}
