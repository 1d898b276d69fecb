import type { HeaderReader } from '../../http/header-reader.js';
import { codeValue, requestIdValue } from '../../internal/json-fields.js';
import { awsErrorType } from './shapes/flat-message.js';

/** Headers that carry a request id, most specific first; `traceparent` comes after them all. */
const REQUEST_ID_HEADERS = [
  'x-request-id',
  'request-id',
  'x-correlation-id',
  'x-amzn-requestid',
  'x-amz-request-id',
  'apigw-requestid',
  'x-ms-request-id',
  'x-github-request-id',
  'twilio-request-id',
  'x-shopify-request-id',
  'x-trace-id',
  'fly-request-id',
  'x-vercel-id',
  'cf-ray',
];
/** Headers that repeat the error code (errcat's server, generic, Azure); AWS's type comes after. */
const CODE_HEADERS = ['errcat-code', 'x-error-code', 'x-ms-error-code'];
const AWS_ERROR_TYPE = 'x-amzn-errortype';
const TRACEPARENT_HEADER = 'traceparent';
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}/;

/**
 * Every header {@link headerRequestId} reads.
 *
 * @example
 * ```ts
 * REQUEST_ID_HEADER_NAMES.includes('cf-ray'); // true
 * ```
 */
export const REQUEST_ID_HEADER_NAMES: readonly string[] = [...REQUEST_ID_HEADERS, TRACEPARENT_HEADER];

/**
 * Every header {@link headerCode} reads.
 *
 * @example
 * ```ts
 * CODE_HEADER_NAMES.includes('x-amzn-errortype'); // true
 * ```
 */
export const CODE_HEADER_NAMES: readonly string[] = [...CODE_HEADERS, AWS_ERROR_TYPE];

/**
 * The request id the headers carry: the most specific of the usual headers, else the trace id of
 * a W3C `traceparent` (unless it is all zeros).
 *
 * @example
 * ```ts
 * headerRequestId(headerReader({ 'cf-ray': '8a1b-AMS' })); // '8a1b-AMS'
 * ```
 */
export function headerRequestId(read: HeaderReader): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const id = requestIdValue(read.get(name)?.trim());
    if (id !== undefined) return id;
  }
  const trace = TRACEPARENT.exec(read.get(TRACEPARENT_HEADER) ?? '')?.[1];
  return trace === undefined || /^0+$/.test(trace) ? undefined : trace;
}

/**
 * The error code a header repeats (`errcat-code`, `x-error-code`, `x-ms-error-code`), else the
 * name in AWS's `x-amzn-errortype`.
 *
 * @example
 * ```ts
 * headerCode(headerReader({ 'x-amzn-errortype': 'ThrottlingException:http://internal' })); // 'ThrottlingException'
 * ```
 */
export function headerCode(read: HeaderReader): string | number | undefined {
  for (const name of CODE_HEADERS) {
    const code = codeValue(read.get(name));
    if (code !== undefined) return code;
  }
  return awsErrorType(read.get(AWS_ERROR_TYPE)?.trim() || undefined);
}
