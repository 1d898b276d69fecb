import type { IdempotencyStore } from 'errcat/adapter';
import type { PromiseRecord, PromiseState, SubscriptionRecord, TaskRecord } from '../domain/records.js';

/**
 * A page query over promises.
 *
 * @example
 * ```ts
 * const query: PromiseQuery = { id: 'order-*', states: ['PENDING'], limit: 100, maxBytes: 4_194_304, now: Date.now() };
 * ```
 */
export interface PromiseQuery {
  /** An id pattern in which `*` matches any run of characters. @default '*' */
  readonly id?: string;
  /** The states to return, as they are at `now` (a pending promise past its timeout has timed out). @default all */
  readonly states?: readonly PromiseState[];
  /** The most promises returned. */
  readonly limit: number;
  /**
   * The most bytes of stored JSON (ids, params, values and tags) one page holds: a page stops
   * early, with a cursor, rather than grow past it; it always holds at least one promise.
   */
  readonly maxBytes: number;
  /** Return promises after this position (the `cursor` of the previous page). @default the start */
  readonly after?: number;
  /** The time the states are evaluated at, in epoch milliseconds. */
  readonly now: number;
}

/**
 * A page of promises, in creation order.
 *
 * @example
 * ```ts
 * const { promises, next } = await tx.searchPromises(query);
 * ```
 */
export interface PromisePage {
  readonly promises: readonly PromiseRecord[];
  /** The position to continue from, when there may be more. */
  readonly next?: number;
}

/**
 * The reads and writes of one transaction. Reads inside a write transaction lock what they read
 * (PostgreSQL: `FOR UPDATE`), so a read-decide-write cannot interleave with another.
 *
 * @example
 * ```ts
 * await db.write(async (tx) => {
 *   const promise = await tx.getPromise('p1');
 *   if (promise) await tx.updatePromise({ ...promise, state: 'RESOLVED' });
 * });
 * ```
 */
export interface Transaction {
  getPromise(id: string): Promise<PromiseRecord | undefined>;
  /**
   * Inserts the promise unless its id is taken, with the Idempotency-Key of the request that
   * creates it (if any); true when inserted.
   */
  insertPromise(promise: PromiseRecord, createKey?: string): Promise<boolean>;
  /** The Idempotency-Key the promise was created with, `undefined` when there was none. */
  getCreateKey(id: string): Promise<string | undefined>;
  updatePromise(promise: PromiseRecord): Promise<void>;
  searchPromises(query: PromiseQuery): Promise<PromisePage>;
  getTask(id: string): Promise<TaskRecord | undefined>;
  insertTask(task: TaskRecord): Promise<void>;
  updateTask(task: TaskRecord): Promise<void>;
  getSubscription(id: string): Promise<SubscriptionRecord | undefined>;
  /** Inserts the subscription unless its id is taken; true when inserted. */
  insertSubscription(subscription: SubscriptionRecord): Promise<boolean>;
  /** Deletes the subscription; true when it existed. */
  deleteSubscription(id: string): Promise<boolean>;
  listSubscriptions(promiseId: string, limit: number): Promise<readonly SubscriptionRecord[]>;
}

/**
 * Where the service keeps promises, tasks and subscriptions: SQLite or PostgreSQL. Driver errors
 * reach the caller unchanged; the service maps them to catalog errors in one place.
 *
 * @example
 * ```ts
 * const promise = await db.read((tx) => tx.getPromise('p1'));
 * ```
 */
export interface Database {
  /** `sqlite` or `postgres`, for logs and the start-up line. */
  readonly kind: 'sqlite' | 'postgres';
  /** Runs `work` in a read transaction. */
  read<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs `work` in a write transaction: committed when it resolves, rolled back when it throws. */
  write<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Where this database keeps idempotency records, for the idempotency guard: a table of the same
   * PostgreSQL database, or an SQLite file next to the promises' file (memory for a read-only one).
   */
  idempotencyStore(): IdempotencyStore;
  /** Closes the connection or pool. */
  close(): Promise<void>;
}
