/**
 * errcat/client: decode any API's errors into typed values, and call APIs with a fetch client that
 * retries exactly what is safe. Runs wherever `fetch` exists. This entry only re-exports.
 * @packageDocumentation
 */

export type { RemoteViolation, WireFormat } from '../render/decoded-error.js';
export { canRetry, type RetryRequest } from './can-retry.js';
export type {
  ClientError,
  ClientFailure,
  ClientFailureKey,
  ClientOptions,
  ClientResponse,
  QueryValue,
  RequestOptions,
  SafeResult,
} from './client-options.js';
export {
  type Client,
  createClient,
  type RequestHelper,
  type SafeClient,
  type SafeHelper,
} from './create-client.js';
export { decodeError } from './decode-error.js';
export { DEFAULT_MAX_BYTES, decodeErrorSync } from './decode-error-sync.js';
export type { AnyCatalog, DecodeOptions, DecodeResult, NotAnError, RemoteErrorOf } from './decode-types.js';
export { createIdempotencyKey, formatIdempotencyKey } from './idempotency-key.js';
export { isConflict } from './is-conflict.js';
export { isRemoteError } from './is-remote-error.js';
export { parseRetryAfter } from './parse-retry-after.js';
export { RemoteCatalogError, type RemoteCatalogErrorInit } from './remote-catalog-error.js';
export { REMOTE_ERROR_BRAND, RemoteError, type RemoteErrorInit } from './remote-error.js';
export type { RemoteFacts } from './remote-facts.js';
export type { ResponseLike } from './response-like.js';
export {
  createRetryBudget,
  type FailureKind,
  type RetryBudget,
  type RetryBudgetOptions,
} from './retry-budget.js';
export { type ConflictOptions, type ConflictOutcome, retryOnConflict } from './retry-on-conflict.js';
export { IDEMPOTENT_METHODS, MAX_ATTEMPTS, type RetryEvent, type RetryOptions } from './retry-options.js';
export { throwIfError } from './throw-if-error.js';
