import type { PromiseRecord, PromiseState, TaskRecord } from './records.js';

/**
 * The ways a pending promise can be completed by a request.
 *
 * @example
 * ```ts
 * await operations.completePromise('p1', 'cancel' satisfies Completion, null);
 * ```
 */
export type Completion = 'resolve' | 'reject' | 'cancel';

/**
 * The state each completion leads to.
 *
 * @example
 * ```ts
 * COMPLETED_STATE.cancel; // 'REJECTED_CANCELED'
 * ```
 */
export const COMPLETED_STATE = {
  resolve: 'RESOLVED',
  reject: 'REJECTED',
  cancel: 'REJECTED_CANCELED',
} as const satisfies Record<Completion, PromiseState>;

/**
 * A promise as it is at `now`: a pending promise whose timeout has passed has timed out, whether or
 * not that was written down yet. Nothing is written on reads, so a read-only database still serves
 * them.
 *
 * @example
 * ```ts
 * promiseAt({ ...promise, state: 'PENDING', timeout: 1 }, Date.now()).state; // 'REJECTED_TIMEDOUT'
 * ```
 */
export function promiseAt(promise: PromiseRecord, now: number): PromiseRecord {
  if (promise.state !== 'PENDING' || now < promise.timeout) return promise;
  return { ...promise, state: 'REJECTED_TIMEDOUT', completedOn: promise.timeout };
}

/**
 * A task as it is at `now`: completed once its promise is; back on offer, with the counter one
 * higher, once its claim has expired.
 *
 * @example
 * ```ts
 * taskAt({ ...task, state: 'claimed', counter: 1, expiresAt: 5 }, promise, 10); // pending, counter 2
 * ```
 */
export function taskAt(task: TaskRecord, promise: PromiseRecord | undefined, now: number): TaskRecord {
  if (task.state === 'completed') return task;
  const settled = promise === undefined ? undefined : promiseAt(promise, now);
  if (settled !== undefined && settled.state !== 'PENDING') {
    return { ...unclaimed(task), state: 'completed', completedOn: settled.completedOn ?? now };
  }
  if (task.state === 'claimed' && task.expiresAt !== undefined && now >= task.expiresAt) {
    return { ...unclaimed(task), state: 'pending', counter: task.counter + 1 };
  }
  return task;
}

/**
 * The task without its claim (holder and expiry), to move it to another state.
 *
 * @example
 * ```ts
 * const done: TaskRecord = { ...unclaimed(task), state: 'completed', completedOn: Date.now() };
 * ```
 */
export function unclaimed(task: TaskRecord): Omit<TaskRecord, 'processId' | 'expiresAt'> {
  const { processId: _process, expiresAt: _expires, ...rest } = task;
  return rest;
}
