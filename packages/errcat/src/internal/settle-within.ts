/** The marker error of {@link settleWithin} when time runs out. */
class TimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * Resolves or rejects as `work` does, or rejects with a {@link TimeoutError} after `ms`. A late
 * rejection of `work` is absorbed, so a store that fails after the deadline never surfaces as an
 * unhandled rejection.
 *
 * @example
 * ```ts
 * const hit = await settleWithin(store.increment(key), 500); // rejects after 500 ms if the store hangs
 * ```
 */
export function settleWithin<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutError(ms)), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
