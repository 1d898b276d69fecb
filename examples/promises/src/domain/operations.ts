import type { PromisesCatalog } from '../catalog/promises-catalog.js';
import { listenerUrlProblem } from '../outbound/listener-url-problem.js';
import type { Database, PromisePage } from '../storage/database.js';
import { COMPLETED_STATE, type Completion, promiseAt, taskAt, unclaimed } from './lifecycle.js';
import type { PromiseRecord, PromiseState, SubscriptionRecord, TaskRecord } from './records.js';
import { MAX_SUBSCRIPTIONS_PER_PROMISE, type SubscriptionRules } from './subscription-rules.js';

/** The tag that makes the service offer a promise's work as a task. */
const INVOKE_TAG = 'resonate:invoke';

/**
 * A new promise, as a create request describes it.
 *
 * @example
 * ```ts
 * const input: NewPromise = { id: 'order-42', timeout: Date.now() + 60_000, tags: { 'resonate:invoke': 'poll://workers' } };
 * ```
 */
export interface NewPromise {
  readonly id: string;
  /** When the promise times out, in epoch milliseconds. */
  readonly timeout: number;
  readonly param?: unknown;
  readonly tags?: Readonly<Record<string, string>> | undefined;
  /**
   * The create request's Idempotency-Key. A create of a taken id with the key the promise was
   * created with finds that promise instead of failing with 4090 (seed 000: "deduplicated if both
   * create requests include the same idempotency key").
   */
  readonly idempotencyKey?: string | undefined;
}

/**
 * A search over promises.
 *
 * @example
 * ```ts
 * await operations.searchPromises({ id: 'order-*', states: ['PENDING'], limit: 100 });
 * ```
 */
export interface PromiseSearch {
  readonly id?: string;
  readonly states?: readonly PromiseState[];
  readonly limit: number;
  readonly after?: number;
}

/**
 * A claim request: the task's counter as the worker knows it, who claims, and for how long.
 *
 * @example
 * ```ts
 * await operations.claimTask('job-1', { counter: 1, processId: 'worker-1', ttl: 60_000 });
 * ```
 */
export interface TaskClaim {
  readonly counter: number;
  readonly processId: string;
  /** Milliseconds the claim lasts. */
  readonly ttl: number;
}

/**
 * What the service does once a promise completed; the listeners are notified after the commit.
 *
 * @example
 * ```ts
 * const log: CompletionListener = (promise, subscriptions) => console.log(promise.id, subscriptions.length);
 * ```
 */
export type CompletionListener = (
  promise: PromiseRecord,
  subscriptions: readonly SubscriptionRecord[],
) => void;

/**
 * Options of {@link createOperations}.
 *
 * @example
 * ```ts
 * createOperations({ db, catalog, now: () => Date.now(), onComplete: createNotifier() });
 * ```
 */
export interface OperationsOptions {
  readonly db: Database;
  /** The catalog whose errors the operations throw (its docs links reach the responses). */
  readonly catalog: PromisesCatalog;
  /** The clock, in epoch milliseconds. @default Date.now */
  readonly now?: () => number;
  /** Told about every completed promise and its subscriptions. @default none */
  readonly onComplete?: CompletionListener;
  /** Which listener URLs are accepted, and how many per promise. @default public listeners only, 10 per promise */
  readonly subscriptions?: SubscriptionRules;
}

/**
 * The most bytes of stored JSON one page of a search holds (a page stops early with a cursor):
 * with 1 MiB bodies, `limit=1000` could otherwise ask for a gigabyte in one response.
 */
const MAX_PAGE_BYTES = 4 * 1024 * 1024;

/** The most subscriptions notified of one completion. */
const MAX_NOTIFIED = 100;

const ALREADY_COMPLETED = {
  RESOLVED: 'PROMISE_ALREADY_RESOLVED',
  REJECTED: 'PROMISE_ALREADY_REJECTED',
  REJECTED_CANCELED: 'PROMISE_ALREADY_CANCELED',
  REJECTED_TIMEDOUT: 'PROMISE_ALREADY_TIMED_OUT',
} as const satisfies Record<Exclude<PromiseState, 'PENDING'>, string>;

/**
 * The operations of the promises service, each one transaction, each failure a catalog error of
 * seed 000 or of the service's own entries. Storage failures are thrown as the driver raised them;
 * the server maps them to 5002.
 *
 * @example
 * ```ts
 * const promise = await operations.completePromise('p1', 'resolve', { ok: true });
 * ```
 */
export interface Operations {
  /**
   * Creates a pending promise (and its task when tagged `resonate:invoke`). When the id is taken,
   * a request with the key the promise was created with gets the promise as it is now
   * (`created: false`), as the Resonate server deduplicated; any other is 4090.
   */
  createPromise(input: NewPromise): Promise<{ readonly promise: PromiseRecord; readonly created: boolean }>;
  /** The promise as it is now; 4040 when there is none. */
  getPromise(id: string): Promise<PromiseRecord>;
  /** Resolves, rejects or cancels a pending promise; 4030–4033 when it already completed, 4040 when missing. */
  completePromise(id: string, completion: Completion, value: unknown): Promise<PromiseRecord>;
  /** A page of promises by id pattern and state, in creation order. */
  searchPromises(search: PromiseSearch): Promise<PromisePage>;
  /**
   * Subscribes a listener URL to a promise's completion; the same id again returns the existing
   * subscription (`created: false`). 4040 when the promise does not exist.
   */
  createSubscription(
    input: Omit<SubscriptionRecord, 'createdOn'>,
  ): Promise<{ readonly subscription: SubscriptionRecord; readonly created: boolean }>;
  /** The subscription; 4041 when there is none. */
  getSubscription(id: string): Promise<SubscriptionRecord>;
  /** Removes the subscription; 4041 when there is none. */
  deleteSubscription(id: string): Promise<void>;
  /** The task as it is now; 4042 when there is none. */
  getTask(id: string): Promise<TaskRecord>;
  /**
   * Claims a pending task for a process: 4092 when it is completed, 4091 when another claim holds
   * it, 4093 when the counter is not the task's. Returns the task and its promise (the work).
   */
  claimTask(
    id: string,
    claim: TaskClaim,
  ): Promise<{ readonly task: TaskRecord; readonly promise: PromiseRecord }>;
  /**
   * Completes a claimed task: 4092 when it is completed, 4093 when the counter is not the task's
   * (the claim expired), 4220 when it is not claimed.
   */
  completeTask(id: string, counter: number): Promise<TaskRecord>;
}

/**
 * The operations of the promises service, each one transaction, each failure a catalog error of
 * seed 000 or of the service's own entries: 4040/4041/4042 for what does not exist, 4090 for a
 * taken id, 4030–4033 for completed promises, 4091/4092/4093/4220 for tasks. Storage failures are
 * thrown as the driver raised them; the server maps them to 5002.
 *
 * @example
 * ```ts
 * const operations = createOperations({ db, catalog });
 * const { promise, created } = await operations.createPromise({ id: 'p1', timeout: Date.now() + 60_000 });
 * await operations.completePromise('p1', 'resolve', { ok: true });
 * ```
 */
export function createOperations(options: OperationsOptions): Operations {
  const { db, catalog } = options;
  const now = options.now ?? Date.now;
  const allowNonPublicListeners = options.subscriptions?.allowNonPublic === true;
  const maxPerPromise = options.subscriptions?.maxPerPromise ?? MAX_SUBSCRIPTIONS_PER_PROMISE;

  const requirePromise = (promise: PromiseRecord | undefined, id: string): PromiseRecord => {
    if (promise === undefined) throw catalog.PROMISE_NOT_FOUND({ id });
    return promise;
  };
  const requireTask = (task: TaskRecord | undefined, id: string): TaskRecord => {
    if (task === undefined) throw catalog.TASK_NOT_FOUND({ id });
    return task;
  };

  return {
    createPromise: (input: NewPromise) =>
      db.write(async (tx) => {
        const tags = input.tags ?? {};
        const promise: PromiseRecord = {
          id: input.id,
          state: 'PENDING',
          param: input.param ?? null,
          value: null,
          timeout: input.timeout,
          tags,
          createdOn: now(),
        };
        if (!(await tx.insertPromise(promise, input.idempotencyKey))) {
          const key = input.idempotencyKey;
          const sameKey = key !== undefined && (await tx.getCreateKey(input.id)) === key;
          const existing = sameKey ? await tx.getPromise(input.id) : undefined;
          if (existing === undefined) throw catalog.PROMISE_ALREADY_EXISTS({ id: input.id });
          return { promise: promiseAt(existing, now()), created: false };
        }
        if (tags[INVOKE_TAG] !== undefined) {
          await tx.insertTask({ id: input.id, state: 'pending', counter: 1, createdOn: promise.createdOn });
        }
        return { promise: promiseAt(promise, now()), created: true };
      }),

    getPromise: (id: string): Promise<PromiseRecord> =>
      db.read(async (tx) => promiseAt(requirePromise(await tx.getPromise(id), id), now())),

    completePromise: async (id: string, completion: Completion, value: unknown): Promise<PromiseRecord> => {
      const { completed, subscriptions } = await db.write(async (tx) => {
        const time = now();
        const current = promiseAt(requirePromise(await tx.getPromise(id), id), time);
        if (current.state !== 'PENDING') throw catalog[ALREADY_COMPLETED[current.state]]({ id });
        const completed: PromiseRecord = {
          ...current,
          state: COMPLETED_STATE[completion],
          value: value ?? null,
          completedOn: time,
        };
        await tx.updatePromise(completed);
        const task = await tx.getTask(id);
        if (task !== undefined && task.state !== 'completed') {
          await tx.updateTask({ ...unclaimed(task), state: 'completed', completedOn: time });
        }
        return { completed, subscriptions: await tx.listSubscriptions(id, MAX_NOTIFIED) };
      });
      options.onComplete?.(completed, subscriptions);
      return completed;
    },

    searchPromises: (search: PromiseSearch) =>
      db.read(async (tx) => {
        const time = now();
        const page = await tx.searchPromises({ ...search, maxBytes: MAX_PAGE_BYTES, now: time });
        return { ...page, promises: page.promises.map((promise) => promiseAt(promise, time)) };
      }),

    createSubscription: async (input: Omit<SubscriptionRecord, 'createdOn'>) => {
      const problem = allowNonPublicListeners ? undefined : listenerUrlProblem(input.url);
      if (problem !== undefined) throw catalog.SUBSCRIPTION_URL_FORBIDDEN({ reason: problem });
      return db.write(async (tx) => {
        requirePromise(await tx.getPromise(input.promiseId), input.promiseId);
        const known = await tx.getSubscription(input.id);
        if (known !== undefined) return { subscription: known, created: false };
        const current = await tx.listSubscriptions(input.promiseId, maxPerPromise);
        if (current.length >= maxPerPromise)
          throw catalog.SUBSCRIPTION_LIMIT_REACHED({ limit: maxPerPromise });
        const subscription: SubscriptionRecord = { ...input, createdOn: now() };
        if (await tx.insertSubscription(subscription)) return { subscription, created: true };
        const existing = (await tx.getSubscription(input.id)) ?? subscription;
        return { subscription: existing, created: false };
      });
    },

    getSubscription: (id: string): Promise<SubscriptionRecord> =>
      db.read(async (tx) => {
        const subscription = await tx.getSubscription(id);
        if (subscription === undefined) throw catalog.SUBSCRIPTION_NOT_FOUND({ id });
        return subscription;
      }),

    deleteSubscription: (id: string): Promise<void> =>
      db.write(async (tx) => {
        if (!(await tx.deleteSubscription(id))) throw catalog.SUBSCRIPTION_NOT_FOUND({ id });
      }),

    getTask: (id: string): Promise<TaskRecord> =>
      db.read(async (tx) => taskAt(requireTask(await tx.getTask(id), id), await tx.getPromise(id), now())),

    claimTask: (id: string, claim: TaskClaim) =>
      db.write(async (tx) => {
        const time = now();
        const promise = await tx.getPromise(id);
        const task = taskAt(requireTask(await tx.getTask(id), id), promise, time);
        if (task.state === 'completed') throw catalog.TASK_ALREADY_COMPLETED({ id });
        if (task.state === 'claimed') throw catalog.TASK_ALREADY_CLAIMED({ id });
        if (claim.counter !== task.counter) {
          throw catalog.TASK_COUNTER_MISMATCH({ expected: claim.counter, actual: task.counter });
        }
        const claimed: TaskRecord = {
          ...task,
          state: 'claimed',
          processId: claim.processId,
          expiresAt: time + claim.ttl,
        };
        await tx.updateTask(claimed);
        return { task: claimed, promise: promiseAt(requirePromise(promise, id), time) };
      }),

    completeTask: (id: string, counter: number): Promise<TaskRecord> =>
      db.write(async (tx) => {
        const time = now();
        const task = taskAt(requireTask(await tx.getTask(id), id), await tx.getPromise(id), time);
        if (task.state === 'completed') throw catalog.TASK_ALREADY_COMPLETED({ id });
        if (counter !== task.counter)
          throw catalog.TASK_COUNTER_MISMATCH({ expected: counter, actual: task.counter });
        if (task.state !== 'claimed') {
          throw catalog.TASK_INVALID_STATE({ state: task.state, operation: 'complete' });
        }
        const completed: TaskRecord = { ...unclaimed(task), state: 'completed', completedOn: time };
        await tx.updateTask(completed);
        return completed;
      }),
  };
}
