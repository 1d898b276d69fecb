import { isCatalogError } from '../is-catalog-error.js';
import type {
  ClientError,
  ClientOptions,
  ClientResponse,
  RequestOptions,
  SafeResult,
} from './client-options.js';
import { DEFAULT_MAX_BYTES } from './decode-error-sync.js';
import type { AnyCatalog } from './decode-types.js';
import { clientFailure } from './internal/client-failure-entry.js';
import { prepareRequest } from './internal/prepare-request.js';
import { resolveRetry } from './internal/resolve-retry.js';
import { sendWithRetry } from './internal/send-with-retry.js';
import { isRemoteError } from './is-remote-error.js';
import { createRetryBudget, type RetryBudget } from './retry-budget.js';

/**
 * A request helper that resolves to the parsed body and throws typed errors.
 *
 * @example
 * ```ts
 * const get: RequestHelper = api.get;
 * const order = await get<Order>('orders/1');
 * ```
 */
export type RequestHelper = <T = unknown>(path: string, options?: RequestOptions) => Promise<T>;
/**
 * A request helper that resolves to the response or the typed error, never rejecting with one.
 *
 * @example
 * ```ts
 * const get: SafeHelper<typeof catalog> = api.safe.get;
 * ```
 */
export type SafeHelper<C> = <T = unknown>(
  path: string,
  options?: RequestOptions,
) => Promise<SafeResult<T, C>>;

/**
 * The `safe` form of a client's helpers.
 *
 * @example
 * ```ts
 * const result = await api.safe.delete('orders/1');
 * ```
 */
export interface SafeClient<C> {
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<SafeResult<T, C>>;
  get: SafeHelper<C>;
  head: SafeHelper<C>;
  post: SafeHelper<C>;
  put: SafeHelper<C>;
  patch: SafeHelper<C>;
  delete: SafeHelper<C>;
}

/**
 * A fetch client for one API: helpers per method that resolve to the body and throw typed errors,
 * `request` for status and headers too, and `safe` twins that resolve to `{ ok, data | error }`.
 *
 * @example
 * ```ts
 * const api: Client<typeof catalog> = createClient({ baseUrl: 'https://api.example.com', catalog });
 * ```
 */
export interface Client<C extends AnyCatalog | undefined = undefined> {
  /** Sends a request; resolves to the body with status and headers, throws a {@link ClientError}. */
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<ClientResponse<T>>;
  get: RequestHelper;
  head: RequestHelper;
  post: RequestHelper;
  put: RequestHelper;
  patch: RequestHelper;
  delete: RequestHelper;
  /** The same helpers, resolving to the typed error instead of throwing it. */
  readonly safe: SafeClient<C>;
  /** The retry budget the client's requests share, if any. */
  readonly budget: RetryBudget | undefined;
  /** The catalog errors are decoded with. */
  readonly catalog: C;
}

/** Errors a request may end with; anything else (a bug in an `onRetry` hook) is rethrown by `safe`. */
function isClientError(error: unknown): boolean {
  return isRemoteError(error) || isCatalogError(error);
}

/**
 * Makes a fetch client for an API. Failed responses are decoded with {@link decodeError} (typed by
 * `catalog` when given) and thrown; network failures, timeouts and aborts throw errcat's own
 * `ERRCAT_NETWORK_ERROR`, `ERRCAT_TIMEOUT` and `ERRCAT_ABORTED`. Retries are on by default and
 * retry exactly what is safe: retryable errors of idempotent requests (or requests carrying an
 * Idempotency-Key, or errors whose catalog entry says `notApplied`), with full-jitter backoff,
 * `Retry-After` honoured up to a cap, a total deadline and a retry budget shared by the client.
 *
 * @example
 * ```ts
 * const api = createClient({ baseUrl: 'https://api.example.com/v1', catalog });
 * try {
 *   const order = await api.get<Order>('orders/42');
 * } catch (error) {
 *   if (catalog.is(error, 'ORDER_NOT_FOUND')) console.log(error.details.id);
 * }
 * const result = await api.safe.post<Order>('orders', { json: { sku: 'A1' }, idempotencyKey: true });
 * if (!result.ok) console.log(result.error.code, result.error.message);
 * ```
 */
export function createClient<C extends AnyCatalog | undefined = undefined>(
  options: ClientOptions<C>,
): Client<C> {
  let base: URL;
  try {
    base = new URL(String(options.baseUrl));
  } catch {
    throw clientFailure('ERRCAT_BAD_ARGUMENT', {
      reason: `baseUrl '${String(options.baseUrl).slice(0, 200)}' is not a URL`,
    });
  }
  const headers = new Headers(options.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  const defaults = {
    baseUrl: base.href.replace(/\/+$/, ''),
    headers,
    timeout: options.timeout ?? 10_000,
  };
  const clientRetry = options.retry;
  const budget =
    clientRetry === false || clientRetry?.budget === false
      ? undefined
      : (clientRetry?.budget ?? createRetryBudget());
  const policy = resolveRetry(clientRetry, undefined, budget);
  const context = () => ({
    fetch: options.fetch ?? globalThis.fetch,
    catalog: options.catalog,
    maxErrorBytes: options.maxErrorBytes ?? DEFAULT_MAX_BYTES,
  });

  async function request<T>(
    method: string,
    path: string,
    requestOptions: RequestOptions = {},
  ): Promise<ClientResponse<T>> {
    const retry = resolveRetry(requestOptions.retry, policy, budget);
    const prepared = prepareRequest(method, path, requestOptions, defaults, retry);
    return (await sendWithRetry(prepared, context())) as ClientResponse<T>;
  }

  async function safeRequest<T>(
    method: string,
    path: string,
    requestOptions?: RequestOptions,
  ): Promise<SafeResult<T, C>> {
    try {
      return await request<T>(method, path, requestOptions);
    } catch (error) {
      if (!isClientError(error)) throw error;
      return { ok: false, error: error as ClientError<C> };
    }
  }

  const helper =
    (method: string): RequestHelper =>
    async <T>(path: string, requestOptions?: RequestOptions) =>
      (await request<T>(method, path, requestOptions)).data;
  const safeHelper =
    (method: string): SafeHelper<C> =>
    <T>(path: string, requestOptions?: RequestOptions) =>
      safeRequest<T>(method, path, requestOptions);

  return {
    request,
    get: helper('GET'),
    head: helper('HEAD'),
    post: helper('POST'),
    put: helper('PUT'),
    patch: helper('PATCH'),
    delete: helper('DELETE'),
    safe: {
      request: safeRequest,
      get: safeHelper('GET'),
      head: safeHelper('HEAD'),
      post: safeHelper('POST'),
      put: safeHelper('PUT'),
      patch: safeHelper('PATCH'),
      delete: safeHelper('DELETE'),
    },
    budget,
    catalog: options.catalog as C,
  };
}
