import {
  type Client,
  type ClientError,
  createClient,
  type RequestOptions,
  type RetryOptions,
} from 'errcat/client';
import { type PromisesCatalog, promisesCatalog } from '../catalog/promises-catalog.js';
import type { PromiseRecord, SubscriptionRecord, TaskRecord } from '../domain/records.js';

/** Where the success envelope of a profile keeps the data; other profiles send the data as is. */
const ENVELOPE_FIELD: Readonly<Record<string, string>> = { resonate: 'data', rstmdb: 'result' };

/**
 * Options of {@link createPromisesClient}.
 *
 * @example
 * ```ts
 * createPromisesClient({ baseUrl: 'http://127.0.0.1:3000', token, profile: 'problem', retry: false });
 * ```
 *
 * @example
 * ```ts
 * const promise = await client.getPromise('order-42');
 * ```
 */
export interface PromisesClientOptions {
  /** The service's base URL, such as `http://127.0.0.1:3000`. */
  readonly baseUrl: string;
  /** A bearer token; without one every call fails with 4010. @default none */
  readonly token?: string;
  /** The wire profile the service was started with, to unwrap success envelopes. @default 'resonate-legacy' */
  readonly profile?: string;
  /**
   * errcat's retry policy. Creates and completions carry an automatic Idempotency-Key, so even
   * they are retried safely after a 5030, 5031 or a dropped connection.
   * @default 3 attempts, idempotency keys on POST
   */
  readonly retry?: RetryOptions | false;
  /** The fetch to call. @default globalThis.fetch */
  readonly fetch?: typeof globalThis.fetch;
}

/**
 * Per-call options: an Idempotency-Key of your own, a signal, another retry policy.
 *
 * @example
 * ```ts
 * await client.createPromise({ id: 'p1', timeout }, { idempotencyKey: 'create-p1-0123456789' });
 * ```
 */
export type CallOptions = Pick<RequestOptions, 'idempotencyKey' | 'signal' | 'retry' | 'headers'>;

/**
 * A page of promises; pass `cursor` to get the next one.
 *
 * @example
 * ```ts
 * const { promises, cursor } = await client.searchPromises({ state: 'pending', limit: 100 });
 * ```
 */
export interface PromisePage {
  readonly promises: readonly PromiseRecord[];
  readonly cursor?: string;
}

/**
 * What a claim returns: the task, and its promise (the work to do).
 *
 * @example
 * ```ts
 * const { task, promise } = await client.claimTask('job-1', { counter: 1, processId: 'worker-1' });
 * ```
 */
export interface ClaimedTask {
  readonly task: TaskRecord;
  readonly promise: PromiseRecord;
}

/**
 * The errors a call can end with: a decoded catalog error (typed by key), another API error, or a client failure.
 *
 * @example
 * ```ts
 * const failure = error as PromisesError;
 * if (failure.key === 'PROMISE_NOT_FOUND') console.log(failure.details.id);
 * ```
 */
export type PromisesError = ClientError<PromisesCatalog>;

/**
 * A typed client of the promises service. Every method resolves to the data and throws a
 * {@link PromisesError}: narrow it with `error.key` (`'PROMISE_NOT_FOUND'`, `'TASK_COUNTER_MISMATCH'`…)
 * to reach typed `details`.
 */
export interface PromisesClient {
  createPromise(
    promise: {
      readonly id: string;
      readonly timeout: number;
      readonly param?: unknown;
      readonly tags?: Readonly<Record<string, string>>;
    },
    options?: CallOptions,
  ): Promise<PromiseRecord>;
  getPromise(id: string, options?: CallOptions): Promise<PromiseRecord>;
  resolvePromise(id: string, value?: unknown, options?: CallOptions): Promise<PromiseRecord>;
  rejectPromise(id: string, value?: unknown, options?: CallOptions): Promise<PromiseRecord>;
  cancelPromise(id: string, value?: unknown, options?: CallOptions): Promise<PromiseRecord>;
  searchPromises(
    query?: {
      readonly id?: string;
      readonly state?: 'pending' | 'resolved' | 'rejected' | 'canceled' | 'timedout';
      readonly limit?: number;
      readonly cursor?: string;
    },
    options?: CallOptions,
  ): Promise<PromisePage>;
  createSubscription(
    subscription: { readonly id: string; readonly promiseId: string; readonly url: string },
    options?: CallOptions,
  ): Promise<SubscriptionRecord>;
  getSubscription(id: string, options?: CallOptions): Promise<SubscriptionRecord>;
  deleteSubscription(id: string, options?: CallOptions): Promise<void>;
  getTask(id: string, options?: CallOptions): Promise<TaskRecord>;
  claimTask(
    id: string,
    claim: { readonly counter: number; readonly processId: string; readonly ttl?: number },
    options?: CallOptions,
  ): Promise<ClaimedTask>;
  completeTask(id: string, counter: number, options?: CallOptions): Promise<TaskRecord>;
  /** The errcat client underneath, for status and headers (`client.http.request(…)`). */
  readonly http: Client<PromisesCatalog>;
}

/** A path segment: ids may hold any character. */
const segment = encodeURIComponent;

/**
 * Creates a typed client of the promises service with errcat's fetch client: errors decode into
 * the service's catalog in whatever profile it speaks (`resonate-legacy`, `problem`, `google`…;
 * `resonate` sends only the HTTP status as the code), and retries follow the catalog: retryable,
 * not-applied errors (5030, 5031, 4290) and network failures are retried, honouring Retry-After.
 *
 * @example
 * ```ts
 * const client = createPromisesClient({ baseUrl: 'http://127.0.0.1:3000', token });
 * try {
 *   await client.resolvePromise('order-42', { ok: true });
 * } catch (error) {
 *   if (error.key === 'PROMISE_ALREADY_RESOLVED') console.log('already done');
 * }
 * ```
 */
export function createPromisesClient(options: PromisesClientOptions): PromisesClient {
  const http = createClient({
    baseUrl: options.baseUrl,
    catalog: promisesCatalog,
    headers: options.token === undefined ? {} : { authorization: `Bearer ${options.token}` },
    retry: options.retry ?? { idempotencyKey: true },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const field = ENVELOPE_FIELD[options.profile ?? 'resonate-legacy'];
  const call = async <T>(method: string, path: string, request: RequestOptions = {}): Promise<T> => {
    const { data } = await http.request<unknown>(method, path, request);
    if (field === undefined || typeof data !== 'object' || data === null) return data as T;
    return (data as Record<string, unknown>)[field] as T;
  };
  const complete =
    (action: string) =>
    (id: string, value?: unknown, callOptions: CallOptions = {}) =>
      call<PromiseRecord>('POST', `promises/${segment(id)}/${action}`, {
        ...callOptions,
        json: value === undefined ? {} : { value },
      });
  return {
    createPromise: (promise, callOptions = {}) => call('POST', 'promises', { ...callOptions, json: promise }),
    getPromise: (id, callOptions = {}) => call('GET', `promises/${segment(id)}`, callOptions),
    resolvePromise: complete('resolve'),
    rejectPromise: complete('reject'),
    cancelPromise: complete('cancel'),
    searchPromises: (query = {}, callOptions = {}) => call('GET', 'promises', { ...callOptions, query }),
    createSubscription: (subscription, callOptions = {}) =>
      call('POST', 'subscriptions', { ...callOptions, json: subscription }),
    getSubscription: (id, callOptions = {}) => call('GET', `subscriptions/${segment(id)}`, callOptions),
    deleteSubscription: (id, callOptions = {}) => call('DELETE', `subscriptions/${segment(id)}`, callOptions),
    getTask: (id, callOptions = {}) => call('GET', `tasks/${segment(id)}`, callOptions),
    claimTask: (id, claim, callOptions = {}) =>
      call('POST', `tasks/${segment(id)}/claim`, { ...callOptions, json: claim }),
    completeTask: (id, counter, callOptions = {}) =>
      call('POST', `tasks/${segment(id)}/complete`, { ...callOptions, json: { counter } }),
    http,
  };
}
