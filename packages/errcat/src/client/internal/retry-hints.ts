import type { HeaderReader } from '../../http/header-reader.js';

/**
 * Error codes the AWS SDKs retry as throttling (`THROTTLING_ERROR_CODES` of
 * `@smithy/service-error-classification`, the same list as botocore's `_retry.json`).
 */
const AWS_THROTTLING_CODES: ReadonlySet<string> = new Set([
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'TransactionInProgressException',
]);

/** Error codes the AWS SDKs retry as transient (`TRANSIENT_ERROR_CODES`, and botocore's general ones). */
const AWS_TRANSIENT_CODES: ReadonlySet<string> = new Set([
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  'InternalError',
  'InternalFailure',
  'ServiceUnavailable',
]);

/**
 * What a code alone says about retrying: `'throttling'` for the codes the AWS SDKs treat as
 * throttling, `'transient'` for their transient ones, `undefined` for any other code.
 *
 * @example
 * ```ts
 * codeRetryKind('ProvisionedThroughputExceededException'); // 'throttling'
 * codeRetryKind('ValidationException'); // undefined
 * ```
 */
export function codeRetryKind(code: string | number | undefined): 'throttling' | 'transient' | undefined {
  if (typeof code !== 'string') return undefined;
  if (AWS_THROTTLING_CODES.has(code)) return 'throttling';
  return AWS_TRANSIENT_CODES.has(code) ? 'transient' : undefined;
}

/**
 * Headers in which a server tells its clients whether to retry (Stainless-built SDKs, Stripe):
 * every header {@link serverSaysRetry} reads.
 *
 * @example
 * ```ts
 * SHOULD_RETRY_HEADERS.includes('stripe-should-retry'); // true
 * ```
 */
export const SHOULD_RETRY_HEADERS: readonly string[] = ['x-should-retry', 'stripe-should-retry'];

/**
 * The server's own word on retrying this response: `x-should-retry` (OpenAI, Anthropic and other
 * Stainless-built APIs) or `Stripe-Should-Retry`, `true` or `false`; `undefined` when neither
 * says.
 *
 * @example
 * ```ts
 * serverSaysRetry(headerReader({ 'stripe-should-retry': 'false' })); // false
 * ```
 */
export function serverSaysRetry(read: HeaderReader): boolean | undefined {
  for (const name of SHOULD_RETRY_HEADERS) {
    const value = read.get(name)?.trim().toLowerCase();
    if (value === 'true') return true;
    if (value === 'false') return false;
  }
  return undefined;
}
