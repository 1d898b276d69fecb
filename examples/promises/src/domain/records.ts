/**
 * The states of a durable promise, as Resonate names them: pending until it is resolved, rejected,
 * canceled (`REJECTED_CANCELED`) or reaches its timeout (`REJECTED_TIMEDOUT`).
 *
 * @example
 * ```ts
 * if (promise.state === 'REJECTED_TIMEDOUT') console.log('timed out');
 * ```
 */
export type PromiseState = 'PENDING' | 'RESOLVED' | 'REJECTED' | 'REJECTED_CANCELED' | 'REJECTED_TIMEDOUT';

/**
 * A durable promise: a value that some process will settle later, by id.
 *
 * @example
 * ```ts
 * const promise: PromiseRecord = {
 *   id: 'order-42', state: 'PENDING', param: { sku: 'A1' }, value: null,
 *   timeout: Date.now() + 60_000, tags: {}, createdOn: Date.now(),
 * };
 * ```
 */
export interface PromiseRecord {
  /** The id the creator chose. */
  readonly id: string;
  readonly state: PromiseState;
  /** The input of the work, any JSON value. */
  readonly param: unknown;
  /** The result (or the reason of a rejection), any JSON value; `null` while pending. */
  readonly value: unknown;
  /** When the promise times out, in epoch milliseconds. */
  readonly timeout: number;
  /** String labels; `resonate:invoke` makes the service create a task for the promise. */
  readonly tags: Readonly<Record<string, string>>;
  /** When the promise was created, in epoch milliseconds. */
  readonly createdOn: number;
  /** When it left `PENDING`, in epoch milliseconds. */
  readonly completedOn?: number;
}

/**
 * The states of a task: offered to workers, held by one of them, or done.
 *
 * @example
 * ```ts
 * if (task.state === 'claimed') console.log(task.processId);
 * ```
 */
export type TaskState = 'pending' | 'claimed' | 'completed';

/**
 * The work of a promise created with a `resonate:invoke` tag, offered to worker processes. A worker
 * claims it with its current `counter`; when a claim expires the task is offered again with the
 * counter one higher, so the worker that lost it can no longer complete it.
 *
 * @example
 * ```ts
 * const task: TaskRecord = { id: 'order-42', state: 'pending', counter: 1, createdOn: Date.now() };
 * ```
 */
export interface TaskRecord {
  /** The id of the task: the id of its promise. */
  readonly id: string;
  readonly state: TaskState;
  /** Grows by one each time an expired claim puts the task back on offer. */
  readonly counter: number;
  /** The process that holds the claim. */
  readonly processId?: string;
  /** When the claim expires, in epoch milliseconds. */
  readonly expiresAt?: number;
  readonly createdOn: number;
  readonly completedOn?: number;
}

/**
 * A subscription to a promise's completion: where a listener wants to hear about it.
 *
 * @example
 * ```ts
 * const subscription: SubscriptionRecord = {
 *   id: 'sub-7', promiseId: 'order-42', url: 'https://example.com/hooks/orders', createdOn: Date.now(),
 * };
 * ```
 */
export interface SubscriptionRecord {
  readonly id: string;
  readonly promiseId: string;
  /** The listener's http(s) URL. */
  readonly url: string;
  readonly createdOn: number;
}
