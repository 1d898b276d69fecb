import { sleep } from './internal/attempt-signal.js';
import { fullJitter } from './internal/backoff.js';
import { isConflict } from './is-conflict.js';

/**
 * Options of {@link retryOnConflict}.
 *
 * @example
 * ```ts
 * const options: ConflictOptions<Instance, Instance> = {
 *   apply: () => api.post('instances/order-1/events', { json: { event: 'PAY' } }),
 *   reread: () => api.get('instances/order-1'),
 *   decide: (current) => current.state === 'pending',
 * };
 * ```
 */
export interface ConflictOptions<T, S> {
  /** Makes the change; called again after each conflict that `decide` accepts. */
  readonly apply: (attempt: number) => Promise<T>;
  /** Reads the current state after a conflict. */
  readonly reread: (conflict: unknown) => Promise<S>;
  /** Given the fresh state: `true` to apply the change again, `false` to settle for the current state. @default () => true */
  readonly decide?: (current: S, conflict: unknown) => boolean | Promise<boolean>;
  /** Which errors are conflicts. @default {@link isConflict} */
  readonly isConflict?: (error: unknown) => boolean;
  /** Calls of `apply` in total. @default 5 */
  readonly attempts?: number;
  /** Base of a full-jitter pause before each new `apply`, in milliseconds; 0 for none. @default 0 */
  readonly baseDelay?: number;
  /** Stops between tries; the last conflict is thrown. @default undefined */
  readonly signal?: AbortSignal;
}

/**
 * How {@link retryOnConflict} ended: the change applied, or the current state accepted instead.
 *
 * @example
 * ```ts
 * const outcome: ConflictOutcome<Instance, Instance> = await retryOnConflict({ apply, reread });
 * const instance = outcome.applied ? outcome.value : outcome.current;
 * ```
 */
export type ConflictOutcome<T, S> =
  | { readonly applied: true; readonly value: T; readonly attempts: number }
  | { readonly applied: false; readonly current: S; readonly attempts: number };

/**
 * Conflicts a {@link retryOnConflict} gave up on. An enclosing one rethrows them at once: nested
 * helpers would otherwise multiply their attempts (5 × 5 writes for one change).
 */
const spent = new WeakSet<object>();

function spend(error: unknown): unknown {
  if (typeof error === 'object' && error !== null) spent.add(error);
  return error;
}

/**
 * Applies a change under optimistic concurrency: on a conflict, re-read the current state, decide
 * whether the change still makes sense, and apply it again (seed 002's CONFLICT handling, bounded).
 * Errors that are not conflicts, and the last conflict once `attempts` are spent, are thrown.
 *
 * Retries happen in one layer: the client never re-sends a conflict as is (see
 * {@link isConflict}), so each attempt of a write made with `createClient` is one request, and a
 * server that always answers CONFLICT sees `attempts` writes with a re-read between each. A
 * conflict a nested `retryOnConflict` gave up on is rethrown by this one, not retried again.
 *
 * @example
 * ```ts
 * const outcome = await retryOnConflict({
 *   apply: () => api.post('instances/order-1/events', { json: { event: 'PAY' } }),
 *   reread: () => api.get<Instance>('instances/order-1'),
 *   decide: (instance) => instance.state === 'pending', // already paid? keep it
 * });
 * if (!outcome.applied) console.log('settled for', outcome.current);
 * ```
 */
export async function retryOnConflict<T, S>(options: ConflictOptions<T, S>): Promise<ConflictOutcome<T, S>> {
  const attempts = Math.max(1, Math.floor(options.attempts ?? 5));
  const conflict = options.isConflict ?? isConflict;
  for (let attempt = 1; ; attempt++) {
    try {
      return { applied: true, value: await options.apply(attempt), attempts: attempt };
    } catch (error) {
      if (!conflict(error) || spent.has(error as object)) throw error;
      if (attempt >= attempts || options.signal?.aborted) throw spend(error);
      const current = await options.reread(error);
      if (!(await (options.decide?.(current, error) ?? true)))
        return { applied: false, current, attempts: attempt };
      const base = options.baseDelay ?? 0;
      if (base > 0 && !(await sleep(fullJitter(attempt, base, base * 32), options.signal)))
        throw spend(error);
    }
  }
}
