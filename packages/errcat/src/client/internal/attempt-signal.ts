/**
 * Why an attempt's signal fired.
 *
 * @example
 * ```ts
 * if (attempt.reason() === 'timeout') throw timeoutFailure(label, timeout, 'attempt');
 * ```
 */
export type StopReason = 'timeout' | 'abort';

/**
 * The signal of one attempt: it fires on the caller's abort or when the attempt's time is up.
 *
 * @example
 * ```ts
 * const attempt: AttemptSignal = attemptSignal(options.signal, 5_000);
 * try {
 *   return await fetch(url, { signal: attempt.signal });
 * } finally {
 *   attempt.dispose();
 * }
 * ```
 */
export interface AttemptSignal {
  readonly signal: AbortSignal;
  /** Why the signal fired, if it did. */
  readonly reason: () => StopReason | undefined;
  /** Clears the timer and detaches from the caller's signal. */
  readonly dispose: () => void;
}

/**
 * Links a fresh controller to the caller's signal and a timer. Written by hand rather than with
 * `AbortSignal.any` / `AbortSignal.timeout` so that the cause is known exactly and every timer and
 * listener is released when the attempt ends.
 *
 * @example
 * ```ts
 * const attempt = attemptSignal(options.signal, 5_000); // fires on the caller's abort or after 5 s
 * ```
 */
export function attemptSignal(parent: AbortSignal | undefined, timeout: number): AttemptSignal {
  const controller = new AbortController();
  let reason: StopReason | undefined;
  const stop = (why: StopReason) => {
    if (reason !== undefined) return;
    reason = why;
    controller.abort(why === 'abort' ? parent?.reason : new Error(`attempt timed out after ${timeout} ms`));
  };
  const onAbort = () => stop('abort');
  if (parent?.aborted) stop('abort');
  else parent?.addEventListener('abort', onAbort, { once: true });
  const timer = Number.isFinite(timeout) ? setTimeout(() => stop('timeout'), timeout) : undefined;
  return {
    signal: controller.signal,
    reason: () => reason,
    dispose: () => {
      if (timer !== undefined) clearTimeout(timer);
      parent?.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * Waits `ms` milliseconds; resolves `false` at once (clearing the timer) if `signal` aborts.
 *
 * @example
 * ```ts
 * if (!(await sleep(delayMs, options.signal))) throw abortedFailure(label, options.signal?.reason);
 * ```
 */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
