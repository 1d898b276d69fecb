import {
  arrayValue,
  booleanValue,
  clip,
  codeIn,
  codeValue,
  docsUrl,
  type JsonObject,
  members,
  numberValue,
  objectValue,
  requestIdIn,
  statusValue,
  textValue,
} from '../../../internal/json-fields.js';
import { looksLikeCode } from '../../../internal/server-code.js';
import type { DecodedError } from '../../../render/decoded-error.js';
import { violationsFrom } from '../../../render/wire-violations.js';

/** A message that may be a string or (NestJS validation) an array of strings. */
function messageOf(value: unknown): { message: string | undefined; list: unknown[] | undefined } {
  if (!Array.isArray(value)) return { message: textValue(value), list: undefined };
  const parts = value.slice(0, 20).filter((part): part is string => typeof part === 'string');
  return { message: clip(parts.join('; ')), list: value };
}

/** The `code` of the first member of an `errors` array (GitHub's 422, Cloudflare). */
function firstErrorCode(errors: unknown): string | number | undefined {
  return codeValue(members(arrayValue(errors)?.[0])?.code);
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
  const { message, list: messages } = messageOf(body.message);
  const requestId = requestIdIn(body);
  const documentation = docsUrl(body.documentation_url);
  const errors = body.errors;
  if (documentation !== undefined) {
    return {
      format: 'github',
      // A 422's `errors[].code` (`missing_field`) is the most specific code GitHub sends.
      code: codeValue(body.code) ?? firstErrorCode(errors),
      message,
      status: statusValue(body.status),
      requestId,
      docs: documentation,
      violations: violationsFrom(errors),
    };
  }
  const error = textValue(body.error, 200);
  if (body.ok === false && looksLikeCode(error)) {
    // Slack's Web API: `{"ok": false, "error": "invalid_auth"}`, often with status 200.
    return { format: 'slack', code: error, message: textValue(body.message) ?? error, requestId };
  }
  const statusCode = statusValue(body.statusCode);
  if (statusCode !== undefined && (error !== undefined || message !== undefined)) {
    return {
      format: 'boom',
      code: codeValue(body.code),
      message: message ?? error,
      status: statusCode,
      requestId,
      violations: violationsFrom(messages) ?? violationsFrom(body.validation),
    };
  }
  if (looksLikeCode(error)) {
    return {
      format: 'oauth',
      code: error,
      message: textValue(body.error_description) ?? message ?? error,
      requestId,
      docs: docsUrl(body.error_uri),
    };
  }
  const awsType = awsErrorType(textValue(body.__type, 300));
  if (awsType !== undefined) {
    return { format: 'aws', code: awsType, message: message ?? textValue(body.Message), requestId };
  }
  const detail = body.detail;
  return {
    format: 'json',
    // Cloudflare's `{success: false, errors: [{code, message}]}` states its code in the array.
    code: codeIn(body) ?? firstErrorCode(errors),
    message:
      message ??
      textValue(body.Message) ??
      textValue(body.msg) ??
      textValue(body.errorMessage) ??
      textValue(body.error_message) ??
      textValue(detail) ??
      textValue(body.description) ??
      // Spring Boot's reason phrase, Shopify's `{"errors": "[API] Invalid API key…"}`.
      error ??
      textValue(errors),
    status: statusValue(body.status) ?? statusCode,
    retryable: booleanValue(body.retryable),
    retryAfter: numberValue(body.retry_after) ?? numberValue(body.retryAfter),
    requestId,
    docs: docsUrl(body.docs) ?? docsUrl(body.doc_url) ?? docsUrl(body.more_info),
    violations: violationsFrom(messages) ?? violationsFrom(errors) ?? violationsFrom(detail),
    details: objectValue(body.details),
  };
}
