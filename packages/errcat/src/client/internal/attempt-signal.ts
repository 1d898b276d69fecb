/** Why an attempt's signal fired. */
export type StopReason = 'timeout' | 'abort';

/** The signal of one attempt: it fires on the caller's abort or when the attempt's time is up. */
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

/** Waits `ms` milliseconds; resolves `false` at once (clearing the timer) if `signal` aborts. */
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
